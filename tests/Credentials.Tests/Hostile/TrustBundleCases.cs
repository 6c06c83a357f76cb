using System.Security.Cryptography;
using System.Security.Cryptography.Cose;
using System.Text;
using ScanPoint.Credentials.Trust;
using ScanPoint.Credentials.Verdicts;

namespace ScanPoint.Credentials.Tests.Hostile;

/// <summary>
/// Trust-bundle attacks. <see cref="TrustBundleLoader.Load"/> returns a <see cref="TrustLoadResult"/>, not a verdict:
/// a refused bundle is shown here as Rejected(its code), a loaded one as Accepted.
/// </summary>
internal static class TrustBundleCases
{
    private const long Accepted = 5;

    public static IEnumerable<HostileCase> All() =>
    [
        Case("forged-signature-other-anchor", VerdictCodes.TrustSignature, () =>
        {
            using var forger = TrustAnchor.Create();
            return TrustBundleSigner.Sign(Content(Accepted + 1), forger);
        }),
        Case("payload-tampered-after-signing", VerdictCodes.TrustSignature, () => Tamper(Sign(Content(Accepted + 1)))),
        Case("rollback-older-version", VerdictCodes.TrustRollback, () => Sign(Content(Accepted - 1))),
        Case("garbage-random-1KiB", VerdictCodes.TrustFormat, () => new Random(1).GetItems<byte>([.. Enumerable.Range(0, 256).Select(i => (byte)i)], 1024)),
        Case("empty-file", VerdictCodes.TrustFormat, () => []),
        Case("oversized-16MiB-plus-1", VerdictCodes.TrustFormat, () => new byte[TrustBundleLoader.MaxBytes + 1]),
        Case("signed-wrong-format-name", VerdictCodes.TrustFormat, () => Sign(Content(Accepted + 1) with { Format = "scanpoint-trust/0" })),
        Case("signed-not-json", VerdictCodes.TrustFormat, () => SignRaw([0xFF, 0x00, 0x42])),
        Case("signed-json-depth-bomb", VerdictCodes.TrustFormat, () => SignRaw(Encoding.UTF8.GetBytes("{\"format\":" + new string('[', 5000) + new string(']', 5000) + "}"))),
        Case("signed-dsc-not-base64", VerdictCodes.TrustFormat, () => Sign(Content(Accepted + 1) with { Dsc = new TrustSection(TimeSpan.FromDays(7), ["!!not base64!!"]) })),
    ];

    private static TrustBundleContent Content(long version) =>
        new(TrustBundleContent.FormatName, version, HostileKeys.Now, new TrustSection(TimeSpan.FromDays(7), [Convert.ToBase64String(HostileKeys.Dsc.Der)]));

    private static byte[] Sign(TrustBundleContent content) => TrustBundleSigner.Sign(content, HostileKeys.Anchor);

    private static byte[] SignRaw(byte[] payload)
    {
        var headers = new CoseHeaderMap { [CoseHeaderLabel.KeyIdentifier] = CoseHeaderValue.FromBytes(HostileKeys.Anchor.KeyId) };
        return CoseSign1Message.SignEmbedded(payload, new CoseSigner(HostileKeys.Anchor.Key, HashAlgorithmName.SHA256, headers));
    }

    /// <summary>Changes one character of the signed JSON (inside the format name), leaving the signature as it was.</summary>
    private static byte[] Tamper(byte[] bundle)
    {
        var at = bundle.AsSpan().IndexOf(Encoding.UTF8.GetBytes(TrustBundleContent.FormatName));
        bundle[at] ^= 0x01;
        return bundle;
    }

    private static HostileCase Case(string name, string code, Func<byte[]> file) =>
        new("TRUST", name, new Verdict.Rejected(code), () =>
        {
            var bytes = file();
            var anchor = HostileKeys.PublicAnchor;
            return () => TrustBundleLoader.Load(bytes, anchor, Accepted) is { Bundle: null, Code: { } refused }
                ? new Verdict.Rejected(refused)
                : new Verdict.Accepted();
        });
}
