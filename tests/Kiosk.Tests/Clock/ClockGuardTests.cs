using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using ScanPoint.Contracts.CheckIns;
using ScanPoint.Kiosk.Clock;
using ScanPoint.Kiosk.Health;
using ScanPoint.Kiosk.Verification;
using ScanPoint.TestKit;

namespace ScanPoint.Kiosk.Tests.Clock;

/// <summary>
/// Clock safety on a device without an RTC: a clock behind the last-known-good time, or too far from the fleet's, makes
/// signed codes <c>unverifiable:CLOCK</c>; the last-known-good time is saved only from a trusted clock or the fleet.
/// </summary>
public sealed class ClockGuardTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 8, 0, 0, TimeSpan.Zero);
    private readonly TempDirectory _dir = new("clock");
    private readonly FakeTimeProvider _time = new(Now);
    private readonly ClockOptions _options = new();

    [Fact]
    public void Check_NoHistoryNoFleetClock_Trusted() => Assert.Equal(ClockStatus.Trusted, Guard(Lkg(), new ServerClock(_time)).Check());

    // FakeTimeProvider cannot go back: "the clock moved back by X" is a last-known-good time X ahead of it.
    [Fact]
    public void Check_ClockMovedBehindLastKnownGood_BeyondToleranceOnly()
    {
        var lkg = Lkg();
        var guard = Guard(lkg, new ServerClock(_time));

        lkg.Advance(Now + _options.ClockTolerance);
        Assert.Equal(ClockStatus.Trusted, guard.Check());

        lkg.Advance(Now + _options.ClockTolerance + TimeSpan.FromSeconds(1));
        Assert.Equal(ClockStatus.BehindLastKnownGood, guard.Check());

        lkg.Advance(Now.AddYears(1));
        Assert.Equal(ClockStatus.BehindLastKnownGood, Guard(Lkg(), new ServerClock(_time)).Check()); // after a restart too
    }

    [Fact]
    public void Check_FleetClockOffset_BeyondMaxSkewOnly()
    {
        var server = new ServerClock(_time);
        var guard = Guard(Lkg(), server);

        server.Observe(Now + _options.MaxClockSkew);
        Assert.Equal(ClockStatus.Trusted, guard.Check());

        server.Observe(Now - _options.MaxClockSkew - TimeSpan.FromSeconds(1));
        Assert.Equal(ClockStatus.SkewedFromFleet, guard.Check());
    }

    [Fact]
    public void Observe_FleetTimeBehindAClockThatRanAhead_LowersAndSavesLastKnownGood()
    {
        var lkg = Lkg();
        lkg.Advance(Now.AddDays(30)); // the clock once ran a month ahead and was saved
        var server = new ServerClock(_time, lkg);

        server.Observe(Now);

        Assert.Equal(Now, Lkg().Value);
        Assert.Equal(ClockStatus.Trusted, Guard(Lkg(), server).Check());
    }

    [Fact]
    public void Observe_FleetTimeEverySecond_SavedOncePerStep()
    {
        var lkg = Lkg();
        var server = new ServerClock(_time, lkg);
        server.Observe(Now);

        server.Observe(Now.AddSeconds(1));
        server.Observe(Now.AddSeconds(2));

        Assert.Equal(Now.AddSeconds(2), lkg.Value);
        Assert.Equal(Now, Lkg().Value); // on disk: the first, until a step of ClockSaveInterval has passed
        server.Observe(Now + _options.ClockSaveInterval);
        Assert.Equal(Now + _options.ClockSaveInterval, Lkg().Value);
    }

    [Fact]
    public void Tick_TrustedClock_SavesIt_ClockSkewedFromFleet_DoesNot()
    {
        var lkg = Lkg();
        var server = new ServerClock(_time, lkg);
        var keeper = new ClockKeeper(Guard(lkg, server), lkg, Options.Create(_options), _time, NullLogger<ClockKeeper>.Instance);
        keeper.Tick();
        Assert.Equal(Now, Lkg().Value);

        _time.Advance(_options.ClockSaveInterval);
        keeper.Tick();
        Assert.Equal(Now + _options.ClockSaveInterval, Lkg().Value);

        server.Observe(_time.GetUtcNow().AddYears(-1)); // the fleet says this clock is a year ahead
        _time.Advance(_options.ClockSaveInterval);
        keeper.Tick();
        Assert.Equal(Now.AddYears(-1) + _options.ClockSaveInterval, Lkg().Value); // the fleet's word, not the skewed clock's
    }

    [Fact]
    public void Load_UnreadableFile_NoLastKnownGood()
    {
        File.WriteAllText(_dir.File(LastKnownGoodTime.FileName), "yesterday-ish");

        Assert.Null(Lkg().Value);
    }

    [Fact]
    public void Verify_ClockBehindLastKnownGood_SignedCodesUnverifiableClockCitizenIdUnaffected()
    {
        var lkg = Lkg();
        lkg.Advance(Now.AddYears(1)); // this clock is now a year behind what the kiosk once saw
        var options = Options.Create(new KioskOptions { DataDir = _dir.Path });
        var verifier = new CodeVerifier(new KioskTrust(options, NullLogger<KioskTrust>.Instance), _time, Guard(lkg, new ServerClock(_time)));

        Assert.Equal(VerdictCodes.Unverifiable(ClockGuard.Code), verifier.Verify("HC1:NCFOXN", CodeFormats.Dcc));
        Assert.Equal(VerdictCodes.Unverifiable("CLOCK"), verifier.Verify("DCL1:NCFOXN", CodeFormats.DeclarationPass));
        var card = verifier.Check("079090001234|025123456|Nguyễn Văn Đức|01051990|Nam|12 Đường Số 1|15082021", CodeFormats.CitizenId);
        Assert.Equal(VerdictCodes.Unverified, card.Verdict);
        Assert.NotNull(card.Subject);
    }

    public void Dispose() => _dir.Dispose();

    private LastKnownGoodTime Lkg() => LastKnownGoodTime.Load(_dir.Path, _options.ClockSaveInterval, NullLogger.Instance);

    private ClockGuard Guard(LastKnownGoodTime lkg, ServerClock server) => new(_time, server, lkg, Options.Create(_options));
}
