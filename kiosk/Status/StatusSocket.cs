using System.Net.Sockets;
using System.Text.Json;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ScanPoint.Hardware.Signals;
using ScanPoint.Kiosk.Outbox;
using ScanPoint.Kiosk.Scanning;

namespace ScanPoint.Kiosk.Status;

/// <summary>
/// Answers <c>kiosk outbox</c> and <c>kiosk status</c> while the kiosk runs (the outbox file is then held by this
/// process): a Unix socket in the data directory that writes <see cref="KioskStatus"/> as JSON and closes. No disk
/// writes, nothing personal.
/// </summary>
internal sealed class StatusSocket(ICheckInOutbox outbox, ScanSourcesHealth sources, IOptions<KioskOptions> options, ILogger<StatusSocket> logger, IAccessSignals? signals = null) : BackgroundService
{
    public const string FileName = "kiosk.sock";

    public static string PathIn(string dataDir) => Path.Combine(dataDir, FileName);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var path = PathIn(options.Value.DataDir);
        File.Delete(path);
        using var listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        listener.Bind(new UnixDomainSocketEndPoint(path));
        listener.Listen(8);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                using var client = await listener.AcceptAsync(stoppingToken).ConfigureAwait(false);
                var json = JsonSerializer.SerializeToUtf8Bytes(new KioskStatus(outbox.GetStatus(), sources.Snapshot(), signals?.Health));
                await client.SendAsync(json, SocketFlags.None, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex) when (ex is SocketException or IOException)
            {
                Log.StatusSocketFailed(logger, ex.Message);
            }
        }

        File.Delete(path);
    }

    /// <summary>Asks a running kiosk; null when none listens.</summary>
    public static async Task<KioskStatus?> QueryAsync(string dataDir, CancellationToken cancellationToken)
    {
        var path = PathIn(dataDir);
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            await socket.ConnectAsync(new UnixDomainSocketEndPoint(path), cancellationToken).ConfigureAwait(false);
            using var stream = new NetworkStream(socket, ownsSocket: false);
            return await JsonSerializer.DeserializeAsync<KioskStatus>(stream, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (SocketException)
        {
            return null; // a socket file left by a killed kiosk
        }
    }
}
