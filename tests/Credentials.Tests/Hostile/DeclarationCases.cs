using System.Formats.Cbor;
using ScanPoint.Credentials.Declarations;
using ScanPoint.Credentials.Trust;
using ScanPoint.Credentials.Verdicts;

namespace ScanPoint.Credentials.Tests.Hostile;

/// <summary>DCL1 declaration-pass attacks: zip bomb, garbage and oversized claims, wrong key usage, windows, forgeries.</summary>
internal static class DeclarationCases
{
    private const string DccUsage = "1.3.6.1.4.1.1847.2021.1.2";

    private static readonly DeclarationPass Movement =
        new(DeclarationPass.Movement, "Nguyen Van A", "1990-01-01", DeclarationIssuer.HashIdNumber("001090000001"), "HN", "HCM", "ok");

    private static DateTimeOffset Now => HostileKeys.Now;

    private static HostileSigner Signer => HostileKeys.Declaration;

    public static IEnumerable<HostileCase> All() =>
    [
        Case("zip-bomb-1MiB-zeros", VerdictCodes.TooLarge, () => CoseForge.ToQr(new byte[1 << 20], DeclarationVerifier.Prefix)),
        Case("movement-window-100h", VerdictCodes.DeclarationWindow, () => Issue(Signer, Movement, Now.AddHours(-1), Now.AddHours(99))),
        Case("health-window-30h", VerdictCodes.DeclarationWindow, () => Issue(Signer, Movement with { Type = DeclarationPass.Health, From = null, To = null }, Now, Now.AddHours(30))),
        Case("signer-without-any-eku", VerdictCodes.KeyUsage, () => Issue(NoUsage, Movement, Now, Now.AddHours(10)), () => NoUsage.Trust),
        Case("signer-with-dcc-eku-only", VerdictCodes.KeyUsage, () => Issue(DccOnly, Movement, Now, Now.AddHours(10)), () => DccOnly.Trust),
        Case("expired", VerdictCodes.Expired, () => Issue(Signer, Movement, Now.AddHours(-20), Now.AddHours(-1))),
        Case("issued-in-the-future", VerdictCodes.IssuedAt, () => Issue(Signer, Movement, Now.AddHours(2), Now.AddHours(20))),
        Case("forged-with-signer-kid", VerdictCodes.Signature, () => new DeclarationIssuer(HostileKeys.Stranger.Key, Signer.Der).Issue(Movement, "VN", Now, Now.AddHours(10))),
        new("DCL1", "unknown-signer", new Verdict.Unverifiable(VerdictCodes.Kid), Arrange(() => Issue(HostileKeys.Stranger, Movement, Now, Now.AddHours(10)), null)),
        Case("garbage-claims-int-values", VerdictCodes.DeclarationFormat, () => Claims(w => { w.WriteTextString("t"); w.WriteInt32(7); }, 1)),
        Case("garbage-claims-movement-without-from", VerdictCodes.DeclarationFormat, () => Claims(w => Fields(w, ("t", "m"), ("nam", "A"), ("dob", "1990"), ("idh", "x"), ("hs", "ok"), ("to", "HN")), 6)),
        Case("garbage-claims-17-fields", VerdictCodes.DeclarationFormat, () => Claims(w => Fields(w, [.. Enumerable.Range(0, 17).Select(i => ($"k{i}", "v"))]), 17)),
        Case("garbage-claims-text-over-256", VerdictCodes.DeclarationFormat, () => Claims(w => Fields(w, ("nam", new string('A', 300))), 1)),
        Case("garbage-claims-nested-20-deep", VerdictCodes.DeclarationFormat, () => Claims(w => { w.WriteTextString("t"); w.WriteEncodedValue([.. Enumerable.Repeat((byte)0x81, 20), 0x00]); }, 1)),
        Case("lying-pass-map-2^32-entries", VerdictCodes.DeclarationFormat, () => Raw(Convert.FromHexString("A13A00010000BAFFFFFFFF61746161"))),
    ];

    private static HostileSigner NoUsage { get; } = HostileSigner.Create(HostileKeys.Now.AddYears(-1), HostileKeys.Now.AddYears(1));

    private static HostileSigner DccOnly { get; } = HostileSigner.Create(HostileKeys.Now.AddYears(-1), HostileKeys.Now.AddYears(1), DccUsage);

    /// <summary>A fresh movement pass by the trusted signer: the control the DCL1 cases are variations of.</summary>
    public static string ValidPass() => Issue(Signer, Movement, Now, Now.AddHours(10));

    private static string Issue(HostileSigner signer, DeclarationPass pass, DateTimeOffset iat, DateTimeOffset exp) =>
        new DeclarationIssuer(signer.Key, signer.Der).Issue(pass, "VN", iat, exp);

    /// <summary>Claims {6: iat, 4: exp, -65537: {…}} with the pass map written by <paramref name="pass"/>, signed by the real signer.</summary>
    private static string Claims(Action<CborWriter> pass, int count)
    {
        var writer = new CborWriter(CborConformanceMode.Lax);
        writer.WriteStartMap(3);
        writer.WriteInt32(6);
        writer.WriteInt64(Now.ToUnixTimeSeconds());
        writer.WriteInt32(4);
        writer.WriteInt64(Now.AddHours(10).ToUnixTimeSeconds());
        writer.WriteInt32(DeclarationClaims.ClaimKey);
        writer.WriteStartMap(count);
        pass(writer);
        writer.WriteEndMap();
        writer.WriteEndMap();
        return Raw(writer.Encode());
    }

    private static string Raw(byte[] claims) =>
        CoseForge.ToQr(CoseForge.Sign1(CoseForge.Es256Header(Signer.Kid), CoseForge.Map(), claims, Signer.Key), DeclarationVerifier.Prefix);

    private static void Fields(CborWriter writer, params (string Key, string Value)[] fields)
    {
        foreach (var (key, value) in fields)
        {
            writer.WriteTextString(key);
            writer.WriteTextString(value);
        }
    }

    private static HostileCase Case(string name, string code, Func<string> qr, Func<DscTrustList>? trust = null) =>
        new("DCL1", name, new Verdict.Rejected(code), Arrange(qr, trust ?? (() => Signer.Trust)));

    private static Func<Func<Verdict>> Arrange(Func<string> qr, Func<DscTrustList>? trust) => () =>
    {
        var text = qr();
        var signers = trust?.Invoke() ?? Signer.Trust;
        return () => DeclarationVerifier.Verify(text, signers, Now).Verdict;
    };
}
