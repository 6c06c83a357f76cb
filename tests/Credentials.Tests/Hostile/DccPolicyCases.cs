using System.Text.Json.Nodes;
using ScanPoint.Credentials.Dcc;
using ScanPoint.Credentials.Dcc.Revocation;
using ScanPoint.Credentials.Tests.Dcc;
using ScanPoint.Credentials.Trust;
using ScanPoint.Credentials.Verdicts;

namespace ScanPoint.Credentials.Tests.Hostile;

/// <summary>HC1 codes that are well signed but not allowed: key usage, DSC and code time windows, missing claims, revocation.</summary>
internal static class DccPolicyCases
{
    private static DateTimeOffset Now => HostileKeys.Now;

    public static IEnumerable<HostileCase> All() =>
    [
        Issued("eku-test-only-dsc-signs-vaccination", VerdictCodes.KeyUsage, Now.AddYears(-1), Now.AddYears(1), "v", HostileKeys.TestOnlyUsage),
        Issued("eku-recovery-only-dsc-signs-test", VerdictCodes.KeyUsage, Now.AddYears(-1), Now.AddYears(1), "t", HostileKeys.RecoveryOnlyUsage),
        Issued("eku-test-only-dsc-payload-without-type", VerdictCodes.KeyUsage, Now.AddYears(-1), Now.AddYears(1), "x", HostileKeys.TestOnlyUsage),
        Issued("dsc-expired", VerdictCodes.DscTime, Now.AddYears(-2), Now.AddDays(-2), "v"),
        Issued("dsc-not-yet-valid", VerdictCodes.DscTime, Now.AddDays(1), Now.AddYears(2), "v"),
        Timed("code-outlives-its-dsc", VerdictCodes.DscTime, Now.AddDays(-1), Now.AddYears(2)),
        Timed("code-expired", VerdictCodes.Expired, Now.AddDays(-30), Now.AddDays(-1)),
        Timed("iat-in-the-future", VerdictCodes.IssuedAt, Now.AddHours(1), Now.AddDays(30)),
        Timed("clock-set-back-before-iat", VerdictCodes.IssuedAt, Now.AddDays(-1), Now.AddDays(30), Now.AddDays(-3)),
        DccEnvelopeCases.Case("nbf-in-the-future", VerdictCodes.NotBefore, () => CoseForge.ToQr(DccEnvelopeCases.Signed(CoseForge.ClaimsWithNbf(Now.AddDays(-1), Now.AddDays(2), Now.AddDays(30))))),
        DccEnvelopeCases.Case("cwt-iat-missing", VerdictCodes.Cwt, () => CoseForge.ToQr(DccEnvelopeCases.Signed(Convert.FromHexString("A30162564E041A7FFFFFFF390103A101A0")))),
        DccEnvelopeCases.Case("cwt-hcert-missing", VerdictCodes.Cwt, () => CoseForge.ToQr(DccEnvelopeCases.Signed(Convert.FromHexString("A30162564E061A5F000000041A7FFFFFFF")))),
        Revoked("revoked-by-signature-hash", RevocationHashType.Signature, withKid: false),
        Revoked("revoked-by-uci", RevocationHashType.Uci, withKid: false),
        Revoked("revoked-by-countrycode-uci-for-its-kid", RevocationHashType.CountryCodeUci, withKid: true),
    ];

    private static HostileCase Issued(string name, string code, DateTimeOffset dscFrom, DateTimeOffset dscTo, string entryType, params string[] usages) =>
        new("HC1", name, new Verdict.Rejected(code), () =>
        {
            using var issuer = new TestDccIssuer(dscFrom, dscTo, usages);
            var qr = issuer.Issue(TestDccIssuer.Claims(Now.AddDays(-1), Now.AddDays(1), entryType));
            var trust = DscTrustList.FromDer([issuer.Der]);
            return () => DccVerifier.Verify(qr, trust, Now).Verdict;
        });

    private static HostileCase Timed(string name, string code, DateTimeOffset iat, DateTimeOffset exp, DateTimeOffset? now = null) =>
        DccEnvelopeCases.Case(name, code, () => CoseForge.ToQr(DccEnvelopeCases.Signed(TestDccIssuer.Claims(iat, exp))), now: now);

    private static HostileCase Revoked(string name, RevocationHashType type, bool withKid) =>
        new("HC1", name, new Verdict.Rejected(VerdictCodes.Revoked), () =>
        {
            var dsc = HostileKeys.Dsc;
            var qr = new DccIssuer(dsc.Key, dsc.Der).Issue(Hcert(), "VN", Now.AddDays(-1), Now.AddDays(30));
            var (envelope, claims) = DccVerifier.Decode(qr);
            var hash = RevocationHash.Compute(type, envelope!, claims.Value!).Single();
            var key = Convert.FromHexString(RevocationHash.ToHex(hash));
            var list = RevocationList.TryCreate([new RevocationEntry(type, key, withKid ? dsc.Kid : null)])!;
            var trust = dsc.Trust;
            return () => DccVerifier.Verify(qr, trust, Now, list).Verdict;
        });

    private static JsonObject Hcert() => new()
    {
        ["ver"] = "1.3.0",
        ["nam"] = new JsonObject { ["fnt"] = "NGUYEN", ["gnt"] = "VAN<A" },
        ["dob"] = "1990-01-01",
        ["v"] = new JsonArray(new JsonObject { ["tg"] = "840539006", ["dn"] = 2, ["sd"] = 2, ["dt"] = "2026-01-10", ["co"] = "VN", ["is"] = "Ministry of Health", ["ci"] = "URN:UVCI:01:VN:HOSTILE1" }),
    };
}
