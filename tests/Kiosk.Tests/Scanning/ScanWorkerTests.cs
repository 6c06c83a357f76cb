using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ScanPoint.Hardware.Scanning;
using ScanPoint.Kiosk.Outbox;
using ScanPoint.Kiosk.Reporting;
using ScanPoint.Kiosk.Scanning;
using ScanPoint.Kiosk.Verification;
using ScanPoint.TestKit;

namespace ScanPoint.Kiosk.Tests.Scanning;

/// <summary>The worker merges every source: a failing device is reported and restarted while the others record.</summary>
public sealed class ScanWorkerTests : IDisposable
{
    private readonly TempDirectory _dir = new("scanworker");

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task A_failing_source_is_reported_and_retried_while_the_other_keeps_recording()
    {
        var options = Options.Create(new KioskOptions { DataDir = _dir.Path });
        using var outbox = new LiteDbCheckInOutbox(new FileOutboxStorage(_dir.Path), "kiosk-1", "site-1", TimeProvider.System, NullLogger<LiteDbCheckInOutbox>.Instance);
        var health = new ScanSourcesHealth(TimeProvider.System);
        var broken = new BrokenSource();
        var steady = new SteadySource();
        var verifier = new CodeVerifier(new KioskTrust(options, NullLogger<KioskTrust>.Instance), TimeProvider.System, Clock.ClockGuards.Trusting(TimeProvider.System, _dir.Path));
        using var worker = new ScanWorker([broken, steady], health, outbox, new OutboxSignal(), verifier, options, TimeProvider.System, NullLogger<ScanWorker>.Instance);

        await worker.StartAsync(CancellationToken.None);
        await Eventually.TrueAsync(() => broken.Attempts >= 3 && outbox.GetStatus().Pending >= 20, TimeSpan.FromSeconds(20), "three restarts and twenty check-ins");
        await worker.StopAsync(CancellationToken.None);

        var status = health.Snapshot().ToDictionary(s => s.Name);
        Assert.Equal("retrying", status["broken"].State);
        Assert.True(status["broken"].Failures >= 3);
        Assert.Equal("IOException: imager unplugged", status["broken"].LastFailure);
        Assert.Equal(1, status["broken"].Metrics["attempts_per_call"]);
        Assert.Equal("running", status["steady"].State);
        Assert.True(status["steady"].Scans >= 20);
        Assert.Equal(0, status["steady"].Failures);
        Assert.False(health.AllRunning);
    }

    private sealed class BrokenSource : IScanSource, IScanSourceMetrics
    {
        private int _attempts;

        public string Name => "broken";

        public int Attempts => Volatile.Read(ref _attempts);

        public IReadOnlyDictionary<string, double> ReadMetrics() => new Dictionary<string, double> { ["attempts_per_call"] = 1 };

        public async IAsyncEnumerable<ScanEvent> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _attempts);
            await Task.Yield();
            throw new IOException("imager unplugged");
#pragma warning disable CS0162 // an iterator needs a yield to be one
            yield break;
#pragma warning restore CS0162
        }
    }

    private sealed class SteadySource : IScanSource
    {
        public string Name => "steady";

        public async IAsyncEnumerable<ScanEvent> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken)
        {
            for (var i = 0; !cancellationToken.IsCancellationRequested; i++)
            {
                yield return new ScanEvent(Name, $"not a credential {i}", TimeProvider.System.GetUtcNow());
                await Task.Delay(TimeSpan.FromMilliseconds(20), cancellationToken);
            }
        }
    }
}
