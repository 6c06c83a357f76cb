using System.Text;
using System.Text.Json.Nodes;
using ScanPoint.Credentials.Shc;
using ScanPoint.Credentials.Tests.Shc;
using ScanPoint.Credentials.Verdicts;

namespace ScanPoint.Credentials.Tests.Hostile;

/// <summary>SHC JWS, payload, issuer and validity attacks: header tampering, algorithm confusion, forged payloads, revocation.</summary>
internal static class ShcJwsCases
{
    private static DateTimeOffset Now => HostileKeys.Now;

    private static TestShcIssuer Issuer => HostileKeys.Shc;

    public static IEnumerable<HostileCase> All() =>
    [
        Case("header-zip-flag-removed", VerdictCodes.Jws, () => Issuer.Sign(Payload(), Header("""{"alg":"ES256","kid":"KID"}"""))),
        Case("header-zip-flag-removed-after-signing", VerdictCodes.Jws, () => SwapHeader(Issuer.Sign(Payload()), Header("""{"alg":"ES256","kid":"KID"}"""))),
        Unverifiable("header-kid-changed-after-signing", VerdictCodes.Kid, () => SwapHeader(Issuer.Sign(Payload()), """{"zip":"DEF","alg":"ES256","kid":"not-the-kid"}""")),
        Case("header-alg-hs256", VerdictCodes.Algorithm, () => Issuer.Sign(Payload(), Header("""{"zip":"DEF","alg":"HS256","kid":"KID"}"""))),
        Case("header-alg-none", VerdictCodes.Algorithm, () => Issuer.Sign(Payload(), Header("""{"zip":"DEF","alg":"none","kid":"KID"}"""))),
        Case("header-alg-missing", VerdictCodes.Jws, () => Issuer.Sign(Payload(), Header("""{"zip":"DEF","kid":"KID"}"""))),
        Case("header-crit", VerdictCodes.Jws, () => Issuer.Sign(Payload(), Header("""{"zip":"DEF","alg":"ES256","kid":"KID","crit":["x"]}"""))),
        Case("header-over-1KiB", VerdictCodes.TooLarge, () => Issuer.Sign(Payload(), Header("{\"zip\":\"DEF\",\"alg\":\"ES256\",\"kid\":\"KID\",\"x\":\"" + new string('a', 1100) + "\"}"))),
        Case("payload-tampered-after-signing", VerdictCodes.Signature, () => SwapPayload(Issuer.Sign(Payload()), Issuer.Sign(Payload(iss: TestShcIssuer.Url, rid: "other")))),
        Case("signature-63-bytes", VerdictCodes.Signature, () => string.Join('.', Issuer.Sign(Payload()).Split('.')[..2]) + "." + TestShcIssuer.Base64Url(new byte[63])),
        Unverifiable("unknown-issuer", VerdictCodes.Issuer, () => Issuer.Sign(Payload(iss: "https://evil.test/shc"))),
        ShcEncodingCases.Signed("expired", VerdictCodes.Expired, () => Issuer.Sign(TestShcIssuer.Payload(Now.AddDays(-30), Now.AddDays(-1)))),
        ShcEncodingCases.Signed("nbf-in-the-future", VerdictCodes.NotBefore, () => Issuer.Sign(TestShcIssuer.Payload(Now.AddDays(1)))),
        Case("json-duplicate-names", VerdictCodes.Json, () => Raw("""{"iss":"https://issuer.test/shc","iss":"https://evil.test","nbf":1}""")),
        Case("json-depth-40", VerdictCodes.Json, () => Raw("{\"iss\":" + new string('[', 40) + new string(']', 40) + "}")),
        Case("payload-without-fhir-bundle", VerdictCodes.ShcPayload, () => Raw("""{"iss":"https://issuer.test/shc","nbf":1,"vc":{"type":["x"],"credentialSubject":{}}}""")),
        new("SHC", "revoked-rid", new Verdict.Rejected(VerdictCodes.Revoked), () =>
        {
            var text = ShcExamples.ToQr(Issuer.Sign(Payload(rid: "r1")));
            var issuers = Issuer.Issuers($$"""{"kid":"{{Issuer.Kid}}","method":"rid","ctr":1,"rids":["r1"]}""");
            return () => ShcVerifier.Verify(text, issuers, Now).Verdict;
        }),
    ];

    private static JsonObject Payload(string iss = TestShcIssuer.Url, string? rid = null) =>
        TestShcIssuer.Payload(Now.AddDays(-1), rid: rid, iss: iss);

    private static string Header(string json) => json.Replace("KID", Issuer.Kid, StringComparison.Ordinal);

    private static string Raw(string json) => Issuer.SignCompressed(TestShcIssuer.Deflate(Encoding.UTF8.GetBytes(json)));

    private static string SwapHeader(string jws, string header) =>
        TestShcIssuer.Base64Url(Encoding.UTF8.GetBytes(header)) + jws[jws.IndexOf('.', StringComparison.Ordinal)..];

    private static string SwapPayload(string jws, string donor)
    {
        var parts = jws.Split('.');
        parts[1] = donor.Split('.')[1];
        return string.Join('.', parts);
    }

    private static HostileCase Case(string name, string code, Func<string> jws) => ShcEncodingCases.Signed(name, code, jws);

    private static HostileCase Unverifiable(string name, string code, Func<string> jws) =>
        ShcEncodingCases.Signed(name, new Verdict.Unverifiable(code), jws);
}
