using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ScanPoint.Hardware.Scanning;
using ScanPoint.Hardware.Signals;
using ScanPoint.Kiosk.Outbox;
using ScanPoint.Kiosk.Reporting;
using ScanPoint.Kiosk.Scanning;
using ScanPoint.Kiosk.Signals;
using ScanPoint.Kiosk.Verification;
using ScanPoint.TestKit;

namespace ScanPoint.Kiosk.Tests.Signals;

public sealed class VerdictSignalsTests : IDisposable
{
    private readonly TempDirectory _dir = new("verdict-signals");

    public void Dispose() => _dir.Dispose();

    [Theory]
    [InlineData("accepted", SignalVerdict.Accepted)]
    [InlineData("rejected:SIG", SignalVerdict.Rejected)]
    [InlineData("rejected:CCCD_FORMAT", SignalVerdict.Rejected)]
    [InlineData("unverifiable:TRUST_STALE", SignalVerdict.Unverifiable)]
    [InlineData("unverified", SignalVerdict.Unverifiable)]
    [InlineData("accepted:maybe", SignalVerdict.Error)]
    [InlineData("", SignalVerdict.Error)]
    public void Classify_VerdictString_SignalClass(string verdict, SignalVerdict expected) =>
        Assert.Equal(expected, VerdictSignals.Classify(verdict));

    [Theory]
    [InlineData("accepted", true, 1)]
    [InlineData("accepted", false, 0)]
    [InlineData("rejected:EXP", true, 0)]
    [InlineData("unverified", true, 0)]
    public void Show_Verdict_PulsesTheRelayOnlyOnAcceptedWhenConfigured(string verdict, bool relay, int pulses)
    {
        var signals = new FakeAccessSignals();
        var hook = Create(signals, relay);

        hook.Show(verdict);

        Assert.Equal([VerdictSignals.Classify(verdict)], signals.Shown);
        Assert.Equal(pulses, signals.Pulses);
    }

    [Fact]
    public void Show_SignalsThrow_NeverThrows()
    {
        var signals = new FakeAccessSignals { Throw = true, Health = new SignalsHealth("gpio", true, "IOException: write failed", null) };
        var hook = Create(signals, relay: true);

        hook.Show("accepted");
        hook.ShowError();

        Assert.Equal([SignalVerdict.Accepted, SignalVerdict.Error], signals.Shown);
        Assert.True(hook.Health.Faulted);
    }

    [Fact]
    public async Task ScanWorker_SignalsBroken_EveryScanStillRecordedAndSignalled()
    {
        var options = Options.Create(new KioskOptions { DataDir = _dir.Path });
        using var outbox = new LiteDbCheckInOutbox(new FileOutboxStorage(_dir.Path), "kiosk-1", "site-1", TimeProvider.System, NullLogger<LiteDbCheckInOutbox>.Instance);
        var verifier = new CodeVerifier(new KioskTrust(options, NullLogger<KioskTrust>.Instance), TimeProvider.System, Clock.ClockGuards.Trusting(TimeProvider.System, _dir.Path));
        var signals = new FakeAccessSignals { Throw = true, Health = new SignalsHealth("gpio", true, "IOException: write failed", null) };
        using var worker = new ScanWorker([new ThreeScans()], new ScanSourcesHealth(TimeProvider.System), outbox, new OutboxSignal(), verifier, options,
            TimeProvider.System, NullLogger<ScanWorker>.Instance, new VerdictOutputs(signals: Create(signals, relay: true)));

        await worker.StartAsync(CancellationToken.None);
        await Eventually.TrueAsync(() => outbox.GetStatus().Pending == 3 && signals.Shown.Count == 3, TimeSpan.FromSeconds(20), "three check-ins");
        await worker.StopAsync(CancellationToken.None);

        Assert.All(signals.Shown, v => Assert.Equal(SignalVerdict.Unverifiable, v)); // no trust anchor: unverified
    }

    private static VerdictSignals Create(IAccessSignals signals, bool relay) =>
        new(signals, Options.Create(new SignalsOptions { Relay = relay }), NullLogger<VerdictSignals>.Instance);

    private sealed class ThreeScans : IScanSource
    {
        public string Name => "three";

        public async IAsyncEnumerable<ScanEvent> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken)
        {
            for (var i = 0; i < 3; i++)
            {
                await Task.Yield();
                yield return new ScanEvent(Name, $"HC1:not really {i}", TimeProvider.System.GetUtcNow());
            }
        }
    }
}
