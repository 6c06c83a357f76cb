using System.Security.Cryptography;

namespace ScanPoint.Credentials.Shc;

/// <summary>One trusted ES256 signing key of an SHC issuer, with the issuer's revocation list for this kid if loaded.</summary>
public sealed class ShcIssuerKey
{
    internal ShcIssuerKey(string issuer, string kid, byte[] x, byte[] y, int? crlVersion, ShcRevocationList? revocations)
    {
        Issuer = issuer;
        Kid = kid;
        X = x;
        Y = y;
        CrlVersion = crlVersion;
        Revocations = revocations;
    }

    public string Issuer { get; }

    /// <summary>The key id: the RFC 7638 thumbprint of the key (checked when loaded).</summary>
    public string Kid { get; }

    /// <summary>The JWK's <c>crlVersion</c>: the issuer publishes a CRL for this key when set.</summary>
    public int? CrlVersion { get; }

    /// <summary>The CRL loaded for this kid, or null when none was given.</summary>
    public ShcRevocationList? Revocations { get; }

    internal byte[] X { get; }

    internal byte[] Y { get; }

    internal ShcIssuerKey WithRevocations(ShcRevocationList revocations) => new(Issuer, Kid, X, Y, CrlVersion, revocations);

    /// <summary>A new ECDsa holding this public key; the caller disposes it.</summary>
    internal ECDsa CreateECDsa() => ECDsa.Create(new ECParameters
    {
        Curve = ECCurve.NamedCurves.nistP256,
        Q = new ECPoint { X = X, Y = Y },
    });
}
