using System.Net.Sockets;
using System.Text;

namespace ScanPoint.Kiosk.Systemd;

/// <summary>
/// sd_notify(3) without libsystemd: each state (<c>READY=1</c>, <c>WATCHDOG=1</c>, <c>STATUS=…</c>, several joined by
/// newlines) is one datagram to the unix socket systemd names in <c>NOTIFY_SOCKET</c> — a path, or <c>@name</c> in the
/// abstract namespace. Without the variable (not started by systemd) it is disabled and sends nothing.
/// </summary>
public sealed class SdNotifier
{
    private readonly UnixDomainSocketEndPoint? _endPoint;

    /// <param name="address">The value of <c>NOTIFY_SOCKET</c>; null, empty or not a unix address disables the notifier.</param>
    public SdNotifier(string? address)
    {
        if (!string.IsNullOrEmpty(address) && address.Length > 1 && address[0] is '/' or '@')
        {
            _endPoint = new UnixDomainSocketEndPoint(address[0] == '@' ? "\0" + address[1..] : address);
        }
    }

    public bool IsEnabled => _endPoint is not null;

    public static SdNotifier FromEnvironment() => new(Environment.GetEnvironmentVariable("NOTIFY_SOCKET"));

    /// <summary>Sends one state message; throws <see cref="SocketException"/> when nothing listens there.</summary>
    public void Notify(string state)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (_endPoint is null)
        {
            return;
        }

        using var socket = new Socket(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
        socket.SendTo(Encoding.UTF8.GetBytes(state), SocketFlags.None, _endPoint);
    }
}
