using System.Security.Cryptography;
using ScanPoint.Credentials.Declarations;
using ScanPoint.Credentials.Shc;
using ScanPoint.Credentials.Tests.Shc;
using ScanPoint.Credentials.Tests.VdsNc;
using ScanPoint.Credentials.Trust;

namespace ScanPoint.Credentials.Tests.Hostile;

/// <summary>The keys and trust lists the corpus shares, all generated once at test time (no private key is committed).</summary>
internal static class HostileKeys
{
    public const string TestOnlyUsage = "1.3.6.1.4.1.1847.2021.1.1";
    public const string RecoveryOnlyUsage = "1.3.6.1.4.1.1847.2021.1.3";

    public static readonly DateTimeOffset Now = new(2026, 11, 23, 8, 0, 0, TimeSpan.Zero);

    private static readonly Lazy<HostileSigner> DscLazy = new(() => HostileSigner.Create(Now.AddYears(-1), Now.AddYears(1)));
    private static readonly Lazy<HostileSigner> StrangerLazy = new(() => HostileSigner.Create(Now.AddYears(-1), Now.AddYears(1)));
    private static readonly Lazy<HostileSigner> DeclarationLazy =
        new(() => HostileSigner.Create(Now.AddYears(-1), Now.AddYears(1), DeclarationClaims.SignerKeyUsage));
    private static readonly Lazy<TestShcIssuer> ShcLazy = new(() => new TestShcIssuer());
    private static readonly Lazy<ShcIssuerList> ShcIssuersLazy = new(() => ShcLazy.Value.Issuers());
    private static readonly Lazy<TestVdsNcIssuer> VdsLazy = new(() => new TestVdsNcIssuer(Now.AddYears(-1), Now.AddYears(1)));
    private static readonly Lazy<TrustAnchor> AnchorLazy = new(TrustAnchor.Create);
    private static readonly Lazy<HostileSigner[]> CollidingLazy = new(CreateColliding);

    /// <summary>A DCC document signer without DCC key usage (may sign every type).</summary>
    public static HostileSigner Dsc => DscLazy.Value;

    /// <summary>A key nobody trusts: what a forger holds.</summary>
    public static HostileSigner Stranger => StrangerLazy.Value;

    /// <summary>A declaration signer with the declaration-pass EKU.</summary>
    public static HostileSigner Declaration => DeclarationLazy.Value;

    public static TestShcIssuer Shc => ShcLazy.Value;

    /// <summary>The allow-list holding only <see cref="Shc"/>, without CRLs.</summary>
    public static ShcIssuerList ShcIssuers => ShcIssuersLazy.Value;

    public static TestVdsNcIssuer Vds => VdsLazy.Value;

    /// <summary>The national trust anchor (holds the private key, signs bundles).</summary>
    public static TrustAnchor Anchor => AnchorLazy.Value;

    /// <summary>The anchor as a kiosk holds it: public key only.</summary>
    public static TrustAnchor PublicAnchor => TrustAnchor.FromPem(Anchor.PublicKeyPem());

    /// <summary>Three or more DSCs whose SHA-256 share the first byte, so a 1-byte kid names all of them.</summary>
    public static HostileSigner[] Colliding => CollidingLazy.Value;

    private static HostileSigner[] CreateColliding()
    {
        var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var byFirstByte = new Dictionary<byte, List<HostileSigner>>();
        for (var i = 0; ; i++)
        {
            var signer = HostileSigner.Create(key, $"CN=Colliding DSC {i}, C=VN", Now.AddYears(-1), Now.AddYears(1));
            if (!byFirstByte.TryGetValue(signer.Kid[0], out var group))
            {
                group = [];
                byFirstByte[signer.Kid[0]] = group;
            }

            group.Add(signer);
            if (group.Count == 3)
            {
                return [.. group];
            }
        }
    }
}
