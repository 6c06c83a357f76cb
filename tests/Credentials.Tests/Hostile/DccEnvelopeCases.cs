using ScanPoint.Credentials.Dcc;
using ScanPoint.Credentials.Trust;
using ScanPoint.Credentials.Verdicts;

namespace ScanPoint.Credentials.Tests.Hostile;

/// <summary>HC1 envelope attacks: zlib bombs, deep and huge CBOR, lying CBOR lengths, truncated COSE.</summary>
internal static class DccEnvelopeCases
{
    private const string Format = "HC1";

    private static DateTimeOffset Now => HostileKeys.Now;

    public static IEnumerable<HostileCase> All() =>
    [
        Case("zlib-bomb-1MiB-zeros", VerdictCodes.TooLarge, () => CoseForge.ToQr(new byte[1 << 20])),
        Case("zlib-bomb-one-byte-over-64KiB", VerdictCodes.TooLarge, () => CoseForge.ToQr(new byte[ZlibStage.MaxInflatedBytes + 1])),
        Case("zlib-bomb-4MiB-behind-cose-prefix", VerdictCodes.TooLarge, () => CoseForge.ToQr([0xD2, 0x84, .. new byte[4 << 20]])),
        Case("zlib-missing-uncompressed-cose", VerdictCodes.Zlib, () => PrefixStage.Prefix + Base45.Encode(Signed(Claims()))),
        Case("zlib-header-then-garbage", VerdictCodes.Zlib, () => PrefixStage.Prefix + Base45.Encode([0x78, 0x9C, 0xFF, 0xFF, 0xFF, 0x00, 0x13])),
        Case("cbor-depth-17-in-unprotected-header", VerdictCodes.Cose, () => CoseForge.ToQr(WithUnprotected([0xA1, 0x18, 0x63, .. Nested(17)]))),
        Case("cbor-depth-10000-instead-of-cose", VerdictCodes.Cose, () => CoseForge.ToQr(Nested(10_000))),
        Case("cbor-depth-20-in-signed-hcert", VerdictCodes.Cbor, () => CoseForge.ToQr(Signed(CoseForge.RawClaims(Now.AddDays(-1), Now.AddDays(1), Nested(20))))),
        Case("cbor-depth-5000-in-signed-hcert", VerdictCodes.Cbor, () => CoseForge.ToQr(Signed(CoseForge.RawClaims(Now.AddDays(-1), Now.AddDays(1), Nested(5000))))),
        Case("cbor-5000-items-in-unprotected-header", VerdictCodes.Cose, () => CoseForge.ToQr(WithUnprotected([0xA1, 0x18, 0x63, 0x99, 0x13, 0x88, .. new byte[5000]]))),
        Case("cbor-5000-items-in-signed-hcert", VerdictCodes.Cbor, () => CoseForge.ToQr(Signed(CoseForge.RawClaims(Now.AddDays(-1), Now.AddDays(1), [0x99, 0x13, 0x88, .. new byte[5000]])))),
        Case("lying-cose-array-claims-2^64-items", VerdictCodes.Cose, () => CoseForge.ToQr(Convert.FromHexString("D29BFFFFFFFFFFFFFFFF40A0"))),
        Case("lying-payload-bstr-claims-1GiB", VerdictCodes.Cose, () => CoseForge.ToQr(Convert.FromHexString("D28443A10126A05A400000000102"))),
        Case("lying-protected-bstr-claims-2GiB", VerdictCodes.Cose, () => CoseForge.ToQr(Convert.FromHexString("D2845A7FFFFFFFA10126"))),
        Case("lying-claims-map-2^32-pairs-signed", VerdictCodes.Cbor, () => CoseForge.ToQr(Signed(Convert.FromHexString("BAFFFFFFFF0162564E")))),
        Case("lying-hcert-array-2^31-items-signed", VerdictCodes.Cbor, () => CoseForge.ToQr(Signed(CoseForge.RawClaims(Now.AddDays(-1), Now.AddDays(1), [0x9A, 0x7F, 0xFF, 0xFF, 0xFF, 0x00])))),
        Case("lying-iss-text-claims-2^63-bytes-signed", VerdictCodes.Cbor, () => CoseForge.ToQr(Signed(Convert.FromHexString("A4017B7FFFFFFFFFFFFFFF56")))),
        Case("truncated-cose-half", VerdictCodes.Cose, () => { var cose = Signed(Claims()); return CoseForge.ToQr(cose[..(cose.Length / 2)]); }),
        Case("truncated-cose-last-byte-missing", VerdictCodes.Cose, () => CoseForge.ToQr(Signed(Claims())[..^1])),
        Case("truncated-cose-tag-and-array-header-only", VerdictCodes.Cose, () => CoseForge.ToQr(Signed(Claims())[..2])),
        Case("detached-payload-nil", VerdictCodes.Cose, () => CoseForge.ToQr(CoseForge.Assemble(CoseForge.Es256Header(HostileKeys.Dsc.Kid), CoseForge.Map(), null, new byte[64]))),
    ];

    /// <summary>A valid vaccination claims set for the shared DSC.</summary>
    public static byte[] Claims() => Dcc.TestDccIssuer.Claims(Now.AddDays(-1), Now.AddDays(1));

    /// <summary>COSE_Sign1 over <paramref name="payload"/> by the shared DSC (ES256, kid protected).</summary>
    public static byte[] Signed(byte[] payload) =>
        CoseForge.Sign1(CoseForge.Es256Header(HostileKeys.Dsc.Kid), CoseForge.Map(), payload, HostileKeys.Dsc.Key);

    public static HostileCase Case(string name, string code, Func<string> qr, Func<DscTrustList>? trust = null, DateTimeOffset? now = null) =>
        Case(name, new Verdict.Rejected(code), qr, trust, now);

    public static HostileCase Case(string name, Verdict expected, Func<string> qr, Func<DscTrustList>? trust = null, DateTimeOffset? now = null) =>
        new(Format, name, expected, () =>
        {
            var text = qr();
            var list = trust?.Invoke() ?? HostileKeys.Dsc.Trust;
            var at = now ?? Now;
            return () => DccVerifier.Verify(text, list, at).Verdict;
        });

    private static byte[] WithUnprotected(byte[] unprotectedMap)
    {
        var payload = Claims();
        return CoseForge.Sign1(CoseForge.Es256Header(HostileKeys.Dsc.Kid), unprotectedMap, payload, HostileKeys.Dsc.Key);
    }

    private static byte[] Nested(int depth) => [.. Enumerable.Repeat((byte)0x81, depth), 0x00];
}
