using System.Net.Sockets;
using System.Text;
using ScanPoint.Kiosk.Systemd;

namespace ScanPoint.Kiosk.Tests.Systemd;

/// <summary>
/// What systemd listens on: a unix datagram socket bound by the test (a path, or an abstract name for <c>@name</c>),
/// and an <see cref="SdNotifier"/> given its address as systemd gives it in <c>NOTIFY_SOCKET</c>.
/// </summary>
internal sealed class NotifySocket : IDisposable
{
    private readonly Socket _socket = new(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);

    /// <param name="address">A socket path, or <c>@name</c> for the abstract namespace.</param>
    public NotifySocket(string address)
    {
        _socket.Bind(new UnixDomainSocketEndPoint(address.StartsWith('@') ? "\0" + address[1..] : address));
        Notifier = new SdNotifier(address);
    }

    public SdNotifier Notifier { get; }

    /// <summary>Datagrams already queued (a unix datagram is queued by the time the sender's send returns).</summary>
    public int Available => _socket.Available;

    public async Task<string> ReceiveAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var buffer = new byte[4096];
        var read = await _socket.ReceiveAsync(buffer, SocketFlags.None, timeout.Token);
        return Encoding.UTF8.GetString(buffer, 0, read);
    }

    public void Dispose() => _socket.Dispose();
}
