using Microsoft.Extensions.Time.Testing;
using ScanPoint.Contracts.CheckIns;
using ScanPoint.Credentials.Identity;
using ScanPoint.Kiosk.Policy;
using ScanPoint.Kiosk.Verification;

namespace ScanPoint.Kiosk.Tests.Policy;

/// <summary>The desk between the verifier and the outbox: repeats, venue entry and exit, checkpoint crossings, changed settings.</summary>
public sealed class AdmissionDeskTests
{
    private static readonly IdentityClaim An = new("NGUYEN VAN AN", "1990-05-01");
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero));
    private Dictionary<string, string> _settings = [];

    [Fact]
    public void A_repeat_within_the_window_is_shown_again_and_not_recorded()
    {
        var desk = Desk();

        var first = desk.Scan("h1", Vaccination());
        _time.Advance(TimeSpan.FromSeconds(10));
        var again = desk.Scan("h1", Vaccination());
        _time.Advance(TimeSpan.FromSeconds(31));
        var later = desk.Scan("h1", Vaccination());

        Assert.Equal((false, "accepted"), (first.Repeat, first.CodeVerdict));
        Assert.Equal((true, "accepted"), (again.Repeat, again.Decision.Verdict));
        Assert.False(later.Repeat);
    }

    [Fact]
    public void A_venue_exit_kiosk_checks_guests_out_without_judging()
    {
        _settings = new() { ["policy.venue.direction"] = "out" };

        var step = Desk().Scan("h1", Vaccination() with { Verdict = VerdictCodes.Rejected("EXP") });

        Assert.Equal((VerdictCodes.CheckedOut, VerdictCodes.CheckedOut, false), (step.CodeVerdict, step.Decision.Verdict, step.Repeat));
        Assert.Null(step.Crossing);
    }

    [Fact]
    public void A_checkpoint_records_one_crossing_with_the_direction_when_the_traveller_is_decided()
    {
        _settings = new() { ["mode"] = "checkpoint", ["policy.checkpoint.direction"] = "out" };
        var desk = Desk();

        var first = desk.Scan("h1", Vaccination());
        var second = desk.Scan("h2", new CodeCheck(VerdictCodes.Accepted, null, new Evidence(EvidenceKinds.Movement, VerdictCodes.Accepted, An, _time.GetUtcNow().AddHours(-1), true, "SG", "HN")));

        Assert.Equal((AdmissionDecision.Pending, "accepted"), (first.Decision.Verdict, first.CodeVerdict));
        Assert.Null(first.Crossing);
        Assert.Equal(new CrossingRecord(AdmissionDesk.CrossingOut, VerdictCodes.Accepted, second.Crossing!.PayloadHash, null), second.Crossing);
        Assert.NotEqual(second.Crossing.PayloadHash, Desk().Scan("h3", Vaccination()).Crossing?.PayloadHash ?? "");
    }

    [Fact]
    public void A_pending_traveller_whose_window_runs_out_is_refused_and_recorded()
    {
        _settings = new() { ["mode"] = "checkpoint" };
        var desk = Desk();
        desk.Scan("h1", Vaccination());

        Assert.Null(desk.Expire());
        _time.Advance(TimeSpan.FromSeconds(61));
        var expired = desk.Expire();

        Assert.Equal(VerdictCodes.Rejected(AdmissionDecision.Incomplete), expired!.Decision.Verdict);
        Assert.Equal(AdmissionDesk.CrossingIn, expired.Crossing!.Format);
    }

    [Fact]
    public void Changed_settings_take_effect_on_the_next_scan()
    {
        var desk = Desk();
        Assert.Equal(AdmissionPolicy.Venue, desk.Policy.Mode);

        _settings = new() { ["mode"] = "checkpoint" };

        Assert.Equal(AdmissionPolicy.Checkpoint, desk.Policy.Mode);
        Assert.Equal(AdmissionDecision.Pending, desk.Scan("h1", Vaccination()).Decision.Verdict);
    }

    private AdmissionDesk Desk() => new(() => _settings, _time);

    private CodeCheck Vaccination() =>
        new(VerdictCodes.Accepted, null, new Evidence(EvidenceKinds.Vaccination, VerdictCodes.Accepted, An, _time.GetUtcNow().AddDays(-60), true));
}
