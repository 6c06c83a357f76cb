using System.Text.Json.Nodes;
using ScanPoint.Contracts.CheckIns;
using ScanPoint.Credentials.Dcc;
using ScanPoint.Credentials.Declarations;

namespace ScanPoint.Kiosk.Tests.Verification;

/// <summary>Who was scanned: read from codes whose signature verified and from citizen-ID cards; never from a forged code.</summary>
public sealed partial class CodeVerifierTests
{
    private const string Card = "079090001234|025123456|Nguyễn Văn Đức|01051990|Nam|12 Đường Số 1, Phường 2, Quận 3, TP Hồ Chí Minh|15082021";

    [Fact]
    public void Check_CitizenIdCard_UnverifiedWithSubjectAndIdHashNotTheNumber()
    {
        var check = Verifier(pinAnchor: true, bundleVersion: 1).Check(Card, CodeFormats.CitizenId);

        Assert.Equal(VerdictCodes.Unverified, check.Verdict);
        var subject = Assert.IsType<CheckInSubject>(check.Subject);
        Assert.Equal(("Nguyễn Văn Đức", "1990-05-01", DeclarationIssuer.HashIdNumber("079090001234")), (subject.Name, subject.BirthDate, subject.IdNumberHash));
        Assert.DoesNotContain("079090001234", subject.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Check_AcceptedDcc_SubjectWithTheSamePersonKeyAsTheCard()
    {
        var verifier = Verifier(pinAnchor: true, bundleVersion: 1);

        var check = verifier.Check(NamedDcc(Now.AddYears(1)), CodeFormats.Dcc);

        Assert.Equal(VerdictCodes.Accepted, check.Verdict);
        Assert.Equal(("Văn Đức Nguyễn", "1990-05-01", null), (check.Subject!.Name, check.Subject.BirthDate, check.Subject.IdNumberHash));
        Assert.Equal(verifier.Check(Card, CodeFormats.CitizenId).Subject!.PersonKey, check.Subject.PersonKey);
    }

    [Fact]
    public void Check_ExpiredDcc_RejectedButSubjectKeptItsSignatureVerified()
    {
        var check = Verifier(pinAnchor: true, bundleVersion: 1).Check(NamedDcc(Now.AddDays(-1)), CodeFormats.Dcc);

        Assert.Equal(VerdictCodes.Rejected("EXP"), check.Verdict);
        Assert.NotNull(check.Subject);
    }

    [Fact]
    public void Check_DccFromAnUnknownSigner_NoSubject()
    {
        var forged = new DccIssuer(_declarationKey, _declarationDer).Issue(NamedPayload(), "VN", Now.AddDays(-30), Now.AddYears(1));

        var check = Verifier(pinAnchor: true, bundleVersion: 1).Check(forged, CodeFormats.Dcc);

        Assert.Equal(VerdictCodes.Unverifiable("KID"), check.Verdict);
        Assert.Null(check.Subject);
    }

    [Fact]
    public void Check_DeclarationPass_SubjectMatchesTheCardByKeyAndIdHash()
    {
        var verifier = Verifier(pinAnchor: true, bundleVersion: 1);
        var pass = new DeclarationPass(DeclarationPass.Movement, "NGUYEN VAN DUC", "1990-05-01", DeclarationIssuer.HashIdNumber("079090001234"), "HN", "HCM", "ok");

        var check = verifier.Check(new DeclarationIssuer(_declarationKey, _declarationDer).Issue(pass, "VN", Now, Now.AddHours(10)), CodeFormats.DeclarationPass);

        Assert.Equal(VerdictCodes.Accepted, check.Verdict);
        var card = verifier.Check(Card, CodeFormats.CitizenId).Subject!;
        Assert.Equal((card.PersonKey, card.IdNumberHash), (check.Subject!.PersonKey, check.Subject.IdNumberHash));
    }

    [Fact]
    public void Check_NoTrustBundleSigned_NoSubject() =>
        Assert.Null(Verifier(pinAnchor: false, bundleVersion: 1).Check(NamedDcc(Now.AddYears(1)), CodeFormats.Dcc).Subject);

    private static JsonObject NamedPayload() => new()
    {
        ["ver"] = "1.3.0",
        ["nam"] = new JsonObject { ["fn"] = "Nguyễn", ["fnt"] = "NGUYEN", ["gn"] = "Văn Đức", ["gnt"] = "VAN<DUC" },
        ["dob"] = "1990-05-01",
        ["v"] = new JsonArray(new JsonObject { ["dn"] = 2, ["sd"] = 2, ["co"] = "VN", ["ci"] = "URN:UVCI:01:VN:NAMED" }),
    };

    private string NamedDcc(DateTimeOffset expires) => new DccIssuer(_dscKey, _dscDer).Issue(NamedPayload(), "VN", Now.AddDays(-30), expires);
}
