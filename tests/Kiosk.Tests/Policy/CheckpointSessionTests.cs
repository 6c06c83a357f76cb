using ScanPoint.Credentials.Identity;
using ScanPoint.Kiosk.Policy;

namespace ScanPoint.Kiosk.Tests.Policy;

/// <summary>A traveller's codes within the window combine; a late scan starts anew; a pending window closes as a refusal.</summary>
public sealed class CheckpointSessionTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 8, 0, 0, TimeSpan.Zero);
    private static readonly IdentityClaim An = new("NGUYEN VAN AN", "1990-05-01");
    private static readonly AdmissionPolicy Policy = AdmissionPolicy.Default(AdmissionPolicy.Checkpoint);
    private static readonly Evidence Vaccination = new(EvidenceKinds.Vaccination, "accepted", An, Now.AddDays(-60), true);
    private static readonly Evidence Declaration = new(EvidenceKinds.Movement, "accepted", An, Now.AddHours(-3), true, "SG", "HN");

    [Fact]
    public void Two_codes_within_the_window_make_one_accepted_verdict()
    {
        var session = new CheckpointSession(Policy);

        Assert.Equal(AdmissionDecision.Pending, session.Add(Vaccination, Now).Verdict);
        Assert.Equal(Now + Policy.CombineWindow, session.ClosesAt);
        Assert.Equal("accepted", session.Add(Declaration, Now.AddSeconds(20)).Verdict);
        Assert.False(session.Open);
    }

    [Fact]
    public void A_scan_after_the_window_starts_a_new_traveller()
    {
        var session = new CheckpointSession(Policy);
        session.Add(Vaccination, Now);

        var decision = session.Add(Declaration, Now + Policy.CombineWindow + TimeSpan.FromSeconds(1));

        Assert.Equal(AdmissionDecision.Pending, decision.Verdict);
        Assert.Equal(["vaccination|test|recovery"], decision.Missing);
    }

    [Fact]
    public void A_pending_traveller_is_refused_when_the_window_runs_out()
    {
        var session = new CheckpointSession(Policy);
        session.Add(Vaccination with { Verdict = "rejected:EXP" }, Now);

        Assert.Null(session.Expire(Now.AddSeconds(30)));
        var decision = session.Expire(Now + Policy.CombineWindow + TimeSpan.FromSeconds(1));

        Assert.Equal(("rejected:EXP", true), (decision!.Verdict, decision.Final));
        Assert.False(session.Open);
    }

    [Fact]
    public void The_same_code_again_within_the_window_is_a_repeat()
    {
        var filter = new DuplicateFilter(TimeSpan.FromSeconds(30));

        Assert.False(filter.IsRepeat("h1", Now));
        Assert.True(filter.IsRepeat("h1", Now.AddSeconds(10)));
        Assert.False(filter.IsRepeat("h2", Now.AddSeconds(10)));
        Assert.False(filter.IsRepeat("h1", Now.AddSeconds(41)));
        for (var i = 0; i < DuplicateFilter.Capacity * 2; i++)
        {
            filter.IsRepeat($"x{i}", Now.AddSeconds(42));
        }

        Assert.True(filter.IsRepeat($"x{(DuplicateFilter.Capacity * 2) - 1}", Now.AddSeconds(43))); // bounded, newest kept
    }
}
