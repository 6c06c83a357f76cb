using ScanPoint.Credentials.Identity;
using ScanPoint.Kiosk.Policy;

namespace ScanPoint.Kiosk.Tests.Policy;

/// <summary>The policy engine: requirements per mode, time and route conditions, identity cross-match, the refusal's cause.</summary>
public sealed class AdmissionTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 8, 0, 0, TimeSpan.Zero);
    private static readonly IdentityClaim An = new("NGUYEN VAN AN", "1990-05-01");
    private static readonly AdmissionPolicy Venue = AdmissionPolicy.Default();
    private static readonly AdmissionPolicy Checkpoint = AdmissionPolicy.From(new Dictionary<string, string> { ["mode"] = "checkpoint", ["policy.checkpoint.route"] = "HN" });

    public static TheoryData<Evidence, string> VenueCases => new()
    {
        { Vaccinated(days: 30), "accepted" },
        { Vaccinated(days: 10), "rejected:VAX_RECENT" },
        { Vaccinated(days: 30) with { Complete = false }, "rejected:VAX_RECENT" },
        { Tested(hours: 24), "accepted" },
        { Tested(hours: 80), "rejected:TEST_OLD" },
        { Tested(hours: 2) with { Complete = false }, "rejected:TEST_POSITIVE" },
        { new Evidence(EvidenceKinds.Recovery, "accepted", An, Now.AddDays(-30), true), "accepted" },
        { new Evidence(EvidenceKinds.Recovery, "accepted", An, Now.AddDays(-200), true), "rejected:RECOVERY_OLD" },
        { Declared("HN", hours: 5), "accepted" },
        { Declared("HN", hours: 90), "rejected:DCL_OLD" },
        { new Evidence(EvidenceKinds.Health, "accepted", An, Now.AddHours(-2), false), "rejected:HEALTH" },
        { Vaccinated(days: 30) with { Verdict = "rejected:EXP" }, "rejected:EXP" },
        { Vaccinated(days: 30) with { Verdict = "unverifiable:KID" }, "unverifiable:KID" },
        { new Evidence(EvidenceKinds.CitizenId, "unverified", An, null, false), "unverified" },
        { EvidenceReader.Unread("unverified"), "unverified" },
    };

    [Theory]
    [MemberData(nameof(VenueCases))]
    public void At_a_venue_any_one_valid_credential_admits(Evidence evidence, string expected) =>
        Assert.Equal(expected, Admission.Decide(Venue, [evidence], Now, more: false).Verdict);

    [Fact]
    public void A_checkpoint_needs_the_declaration_for_its_route_and_one_of_vaccination_test_recovery()
    {
        var pending = Admission.Decide(Checkpoint, [Vaccinated(days: 30)], Now, more: true);
        Assert.Equal((AdmissionDecision.Pending, false), (pending.Verdict, pending.Final));
        Assert.Equal(["movement"], pending.Missing);

        Assert.Equal("accepted", Admission.Decide(Checkpoint, [Vaccinated(days: 30), Declared("HN", hours: 5)], Now, more: true).Verdict);
        Assert.Equal("rejected:ROUTE", Admission.Decide(Checkpoint, [Vaccinated(days: 30), Declared("SG", hours: 5)], Now, more: false).Verdict);
        Assert.Equal("rejected:INCOMPLETE", Admission.Decide(Checkpoint, [Declared("HN", hours: 5), new Evidence(EvidenceKinds.CitizenId, "unverified", An, null, false)], Now, more: false).Verdict);
    }

    [Fact]
    public void Codes_of_two_different_people_are_refused_at_once_as_a_mismatch()
    {
        var other = Declared("HN", hours: 5) with { Holder = new IdentityClaim("TRAN THI BICH", "1990-05-01") };

        var decision = Admission.Decide(Checkpoint, [Vaccinated(days: 30), other], Now, more: true);

        Assert.Equal(("rejected:MISMATCH", true), (decision.Verdict, decision.Final));
        var sameNameOtherBirth = Declared("HN", hours: 5) with { Holder = new IdentityClaim("Nguyễn Văn An", "1991-05-01") };
        Assert.Equal("rejected:MISMATCH", Admission.Decide(Checkpoint, [Vaccinated(days: 30), sameNameOtherBirth], Now, more: true).Verdict);
        var sameInOtherSpelling = Declared("HN", hours: 5) with { Holder = new IdentityClaim("Nguyễn Văn An", "1990-05-01") };
        Assert.Equal("accepted", Admission.Decide(Checkpoint, [Vaccinated(days: 30), sameInOtherSpelling], Now, more: true).Verdict);
    }

    [Fact]
    public void Requirements_come_from_the_settings_and_bad_ones_keep_the_default()
    {
        var policy = AdmissionPolicy.From(new Dictionary<string, string> { ["policy.venue.require"] = "vaccination", ["policy.vaccination.minDays"] = "7" });
        Assert.Equal("accepted", Admission.Decide(policy, [Vaccinated(days: 8)], Now, more: false).Verdict);
        Assert.Equal("rejected:MISSING", Admission.Decide(policy, [Tested(hours: 1)], Now, more: false).Verdict);

        Assert.Null(AdmissionPolicy.ParseRequire("vaccination,dancing"));
        Assert.Equal(AdmissionPolicy.Default().Require, AdmissionPolicy.From(new Dictionary<string, string> { ["policy.venue.require"] = "x|" }).Require);
    }

    private static Evidence Vaccinated(int days) => new(EvidenceKinds.Vaccination, "accepted", An, Now.AddDays(-days), true);

    private static Evidence Tested(int hours) => new(EvidenceKinds.Test, "accepted", An, Now.AddHours(-hours), true);

    private static Evidence Declared(string to, int hours) => new(EvidenceKinds.Movement, "accepted", An, Now.AddHours(-hours), true, "SG", to);
}
