using ScanPoint.Credentials.Trust;
using ScanPoint.Credentials.Verdicts;
using static ScanPoint.Credentials.Tests.Hostile.CoseForge;

namespace ScanPoint.Credentials.Tests.Hostile;

/// <summary>HC1 signer attacks: algorithm confusion and key-id games (collisions, spoofing, absent or oversized kids).</summary>
internal static class DccSignerCases
{
    private static HostileSigner Dsc => HostileKeys.Dsc;

    private static HostileSigner Stranger => HostileKeys.Stranger;

    public static IEnumerable<HostileCase> All() =>
    [
        Unverifiable("alg-eddsa-protected", VerdictCodes.Algorithm, () => Forge(Map((AlgLabel, EdDsa), (KidLabel, Dsc.Kid)), Map(), Dsc)),
        DccEnvelopeCases.Case("alg-none-absent-everywhere", VerdictCodes.Algorithm, () => Forge(Map((KidLabel, Dsc.Kid)), Map(), Dsc)),
        DccEnvelopeCases.Case("alg-text-none-protected", VerdictCodes.Cose, () => Forge(Map((AlgLabel, "none"), (KidLabel, Dsc.Kid)), Map(), Dsc)),
        DccEnvelopeCases.Case("alg-es256-unprotected-only-forged", VerdictCodes.Signature, () => Forge(Map((KidLabel, Dsc.Kid)), Map((AlgLabel, Es256)), Stranger)),
        DccEnvelopeCases.Case("alg-ps256-unprotected-over-es256-signature", VerdictCodes.Signature, () => Forge(Map((KidLabel, Dsc.Kid)), Map((AlgLabel, Ps256)), Dsc)),
        Unverifiable("alg-eddsa-protected-es256-unprotected", VerdictCodes.Algorithm, () => Forge(Map((AlgLabel, EdDsa), (KidLabel, Dsc.Kid)), Map((AlgLabel, Es256)), Dsc)),
        DccEnvelopeCases.Case("alg-ps256-protected-with-ec-dsc", VerdictCodes.Signature, () => Forge(Map((AlgLabel, Ps256), (KidLabel, Dsc.Kid)), Map(), Dsc)),
        DccEnvelopeCases.Case(
            "kid-1-byte-collides-with-3-dscs-none-verifies",
            VerdictCodes.Signature,
            () => Forge(Map((AlgLabel, Es256), (KidLabel, HostileKeys.Colliding[0].Kid[..1])), Map(), Stranger),
            () => DscTrustList.FromDer([.. HostileKeys.Colliding.Select(s => s.Der), Dsc.Der])),
        DccEnvelopeCases.Case("kid-spoofed-full-8-bytes-forged", VerdictCodes.Signature, () => Forge(Es256Header(Dsc.Kid), Map(), Stranger)),
        DccEnvelopeCases.Case("kid-unprotected-spoofed-forged", VerdictCodes.Signature, () => Forge(Map((AlgLabel, Es256)), Map((KidLabel, Dsc.Kid)), Stranger)),
        Unverifiable("kid-absent", VerdictCodes.Kid, () => Forge(Map((AlgLabel, Es256)), Map(), Dsc)),
        Unverifiable("kid-empty", VerdictCodes.Kid, () => Forge(Es256Header([]), Map(), Dsc)),
        Unverifiable("kid-33-bytes-prefix-of-nothing", VerdictCodes.Kid, () => Forge(Es256Header(new byte[33]), Map(), Dsc)),
        Unverifiable("kid-of-untrusted-signer", VerdictCodes.Kid, () => Forge(Es256Header(Stranger.Kid), Map(), Stranger)),
    ];

    private static string Forge(byte[] protectedMap, byte[] unprotectedMap, HostileSigner signer) =>
        ToQr(Sign1(protectedMap, unprotectedMap, DccEnvelopeCases.Claims(), signer.Key));

    private static HostileCase Unverifiable(string name, string code, Func<string> qr) =>
        DccEnvelopeCases.Case(name, new Verdict.Unverifiable(code), qr);
}
