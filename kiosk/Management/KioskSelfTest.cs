using System.Text.Json;
using Microsoft.Extensions.Options;
using ScanPoint.Kiosk.Scanning;
using ScanPoint.Kiosk.Signals;
using ScanPoint.Kiosk.Verification;

namespace ScanPoint.Kiosk.Management;

/// <summary>One row of the self-test's table.</summary>
internal sealed record SelfTestCheck(string Name, bool Passed, string Detail);

/// <summary>
/// The self-test the fleet's <c>self-test</c> command runs inside the running kiosk: the data directory takes an fsync'd
/// write, a trust bundle is loaded and its signers are not stale, every scan source is running, the fleet broker is
/// connected, and the door signals are not faulted. (<c>kiosk selftest</c> on the device also opens the devices and
/// reads a test card.)
/// </summary>
internal sealed class KioskSelfTest(
    IOptions<KioskOptions> options, KioskTrust trust, ScanSourcesHealth scanning, FleetLink link, TimeProvider time, VerdictSignals? signals = null) : ISelfTest
{
    public async Task<(bool Passed, string Json)> RunAsync(CancellationToken cancellationToken)
    {
        SelfTestCheck[] checks = [await StorageAsync(cancellationToken).ConfigureAwait(false), Trust(), Scanning(), Broker(), Gpio()];
        return (checks.All(c => c.Passed), JsonSerializer.Serialize(checks));
    }

    private async Task<SelfTestCheck> StorageAsync(CancellationToken cancellationToken)
    {
        var path = Path.Combine(options.Value.DataDir, $"selftest-{Guid.NewGuid():N}.tmp");
        try
        {
            var bytes = Guid.NewGuid().ToByteArray();
            var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write);
            await using (stream.ConfigureAwait(false))
            {
                await stream.WriteAsync(bytes, cancellationToken).ConfigureAwait(false);
                stream.Flush(flushToDisk: true);
            }

            var back = await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
            return new("storage", back.AsSpan().SequenceEqual(bytes), back.AsSpan().SequenceEqual(bytes) ? "data directory writable, fsync ok" : "read back differs");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return new("storage", false, $"{ex.GetType().Name}: {ex.Message}");
        }
        finally
        {
            File.Delete(path);
        }
    }

    private SelfTestCheck Trust() => trust.Bundle switch
    {
        null => new("trust", false, trust.HasAnchor ? trust.Problem ?? "no bundle loaded" : "no trust anchor pinned"),
        { } b when b.IsDscStale(time.GetUtcNow()) => new("trust", false, $"bundle v{b.Version} issued {b.IssuedAt:O} is stale"),
        { } b => new("trust", true, $"bundle v{b.Version} issued {b.IssuedAt:O}"),
    };

    private SelfTestCheck Scanning()
    {
        var sources = scanning.Snapshot();
        var failing = sources.Where(s => s.State == "retrying").Select(s => s.Name).ToList();
        return sources.Count == 0 ? new("scanning", false, "no scan source has started")
            : failing.Count > 0 ? new("scanning", false, "failing: " + string.Join(", ", failing))
            : new("scanning", true, string.Join(", ", sources.Select(s => $"{s.Name} {s.State}")));
    }

    private SelfTestCheck Gpio() => signals?.Health is not { } health ? new("gpio", true, "no door signals configured")
        : health.Faulted ? new("gpio", false, $"{health.Driver}: {health.Reason}")
        : new("gpio", true, $"{health.Driver} ok");

    private SelfTestCheck Broker() => link.IsConnected ? new("broker", true, "connected") : new("broker", false, "not connected");
}
