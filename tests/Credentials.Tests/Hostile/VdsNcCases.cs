using System.Text.Json.Nodes;
using ScanPoint.Credentials.Tests.VdsNc;
using ScanPoint.Credentials.VdsNc;
using ScanPoint.Credentials.Verdicts;

namespace ScanPoint.Credentials.Tests.Hostile;

/// <summary>VDS-NC seal attacks: JSON bombs and duplicates, missing parts, forged data and signers, untrusted CSCAs.</summary>
internal static class VdsNcCases
{
    private static DateTimeOffset Now => HostileKeys.Now;

    public static IEnumerable<HostileCase> All() =>
    [
        Case("json-depth-bomb-3000", new Verdict.Rejected(VerdictCodes.Json), () => "{\"data\":" + new string('[', 3000) + new string(']', 3000) + "}"),
        Case("json-depth-17", new Verdict.Rejected(VerdictCodes.Json), () => "{\"data\":" + new string('[', 17) + new string(']', 17) + "}"),
        Case("json-duplicate-keys", new Verdict.Rejected(VerdictCodes.Json), () => Seal().Replace("\"t\":\"icao.vacc\"", "\"t\":\"icao.vacc\",\"t\":\"icao.test\"", StringComparison.Ordinal)),
        Case("sig-missing", new Verdict.Rejected(VerdictCodes.VdsFormat), () => new JsonObject { ["data"] = TestVdsNcIssuer.Data() }.ToJsonString()),
        Case("sig-value-empty", new Verdict.Rejected(VerdictCodes.VdsFormat), () => Edit(Seal(), seal => seal["sig"]!["sigvl"] = "")),
        Case("extra-top-level-member", new Verdict.Rejected(VerdictCodes.VdsFormat), () => Edit(Seal(), seal => seal["x"] = 1)),
        Case("data-tampered-name", new Verdict.Rejected(VerdictCodes.Signature), () => Seal().Replace("Nguyen Van Duc", "Nguyen Van Dux", StringComparison.Ordinal)),
        Case("signer-certificate-swapped", new Verdict.Rejected(VerdictCodes.Signature), () =>
        {
            using var other = new TestVdsNcIssuer(Now.AddYears(-1), Now.AddYears(1));
            var donor = JsonNode.Parse(other.Seal(TestVdsNcIssuer.Data()))!;
            return Edit(Seal(), seal => seal["sig"]!["cer"] = donor["sig"]!["cer"]!.GetValue<string>());
        }),
        Case("alg-es999", new Verdict.Unverifiable(VerdictCodes.Algorithm), () => HostileKeys.Vds.Seal(TestVdsNcIssuer.Data(), "ES999")),
        Case("type-unknown", new Verdict.Unverifiable(VerdictCodes.VdsFormat), () => Edit(Seal(), seal => seal["data"]!["hdr"]!["t"] = "icao.other")),
        Case("csca-unknown", new Verdict.Unverifiable(VerdictCodes.Csca), Seal, () => VdsNcTrust.Empty),
        Case("csca-of-another-country", new Verdict.Unverifiable(VerdictCodes.Csca), Seal, () =>
        {
            using var other = new TestVdsNcIssuer(Now.AddYears(-1), Now.AddYears(1));
            return other.Trust;
        }),
        new("VDS-NC", "signer-expired", new Verdict.Rejected(VerdictCodes.DscTime), () =>
        {
            using var expired = new TestVdsNcIssuer(Now.AddYears(-2), Now.AddDays(-1));
            var text = expired.Seal(TestVdsNcIssuer.Data());
            var trust = expired.Trust;
            return () => VdsNcVerifier.Verify(text, trust, Now).Verdict;
        }),
    ];

    private static string Seal() => HostileKeys.Vds.Seal(TestVdsNcIssuer.Data());

    private static string Edit(string seal, Action<JsonObject> edit)
    {
        var root = JsonNode.Parse(seal)!.AsObject();
        edit(root);
        return root.ToJsonString();
    }

    private static HostileCase Case(string name, Verdict expected, Func<string> text, Func<VdsNcTrust>? trust = null) =>
        new("VDS-NC", name, expected, () =>
        {
            var qr = text();
            var cscas = trust?.Invoke() ?? HostileKeys.Vds.Trust;
            return () => VdsNcVerifier.Verify(qr, cscas, Now).Verdict;
        });
}
