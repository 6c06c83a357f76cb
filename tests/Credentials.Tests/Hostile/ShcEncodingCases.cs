using ScanPoint.Credentials.Shc;
using ScanPoint.Credentials.Tests.Shc;
using ScanPoint.Credentials.Verdicts;

namespace ScanPoint.Credentials.Tests.Hostile;

/// <summary>SHC transport attacks: numeric mode, chunk sets, DEFLATE bombs.</summary>
internal static class ShcEncodingCases
{
    public static IEnumerable<HostileCase> All() =>
    [
        Case("prefix-upper-case", VerdictCodes.Prefix, "SHC:/5676"),
        Case("numeric-odd-length", VerdictCodes.ShcNumeric, "shc:/567"),
        Case("numeric-digit-pair-78", VerdictCodes.ShcNumeric, "shc:/5678"),
        Case("numeric-non-digit", VerdictCodes.ShcNumeric, "shc:/56x7"),
        Case("chunk-index-above-n", VerdictCodes.ShcChunks, "shc:/3/2/56", "shc:/1/2/56"),
        Case("chunk-index-zero", VerdictCodes.ShcChunks, "shc:/0/2/56", "shc:/1/2/56"),
        Case("chunk-index-duplicate", VerdictCodes.ShcChunks, "shc:/1/2/56", "shc:/1/2/56"),
        Case("chunk-missing-one-of-three", VerdictCodes.ShcChunks, "shc:/1/3/56", "shc:/2/3/56"),
        Case("chunk-n-inconsistent", VerdictCodes.ShcChunks, "shc:/1/2/56", "shc:/2/3/56"),
        Case("chunk-odd-digit-count", VerdictCodes.ShcChunks, "shc:/1/2/567", "shc:/2/2/5"),
        Case("chunks-too-many-9", VerdictCodes.TooLarge, [.. Enumerable.Range(1, 9).Select(i => $"shc:/{i}/9/56")]),
        Case("chunk-oversized-9000-digits", VerdictCodes.TooLarge, "shc:/1/2/" + new string('5', 9000), "shc:/2/2/56"),
        Signed("deflate-bomb-2MiB-zeros", VerdictCodes.TooLarge, () => HostileKeys.Shc.SignCompressed(TestShcIssuer.Deflate(new byte[2 << 20]))),
        Signed("deflate-invalid-block-type", VerdictCodes.Deflate, () => HostileKeys.Shc.SignCompressed([0xFF, 0xFF, 0xFF])),
    ];

    public static HostileCase Signed(string name, string code, Func<string> jws, DateTimeOffset? now = null) =>
        Signed(name, new Verdict.Rejected(code), jws, now);

    public static HostileCase Signed(string name, Verdict expected, Func<string> jws, DateTimeOffset? now = null) =>
        new("SHC", name, expected, () =>
        {
            var text = ShcExamples.ToQr(jws());
            var issuers = HostileKeys.ShcIssuers;
            var at = now ?? HostileKeys.Now;
            return () => ShcVerifier.Verify(text, issuers, at).Verdict;
        });

    private static HostileCase Case(string name, string code, params string[] texts) =>
        new("SHC", name, new Verdict.Rejected(code), () =>
        {
            var issuers = HostileKeys.ShcIssuers;
            return () => ShcVerifier.Verify(texts, issuers, HostileKeys.Now).Verdict;
        });
}
