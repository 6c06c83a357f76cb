using ScanPoint.Credentials.Shc;
using ScanPoint.Credentials.VdsNc;

namespace ScanPoint.Credentials.Trust;

/// <summary>A verified trust bundle, ready for the verifiers.</summary>
public sealed record TrustBundle(long Version, DateTimeOffset IssuedAt, TimeSpan DscMaxAge, DscTrustList Dsc)
{
    /// <summary>Signers of national declaration passes (<c>DCL1:</c>).</summary>
    public DscTrustList DeclarationSigners { get; init; } = DscTrustList.Empty;

    public TimeSpan DeclarationSignersMaxAge { get; init; }

    /// <summary>SMART Health Card issuers with their keys and revocation lists.</summary>
    public ShcIssuerList ShcIssuers { get; init; } = ShcIssuerList.Empty;

    public TimeSpan ShcIssuersMaxAge { get; init; }

    /// <summary>Whether the SMART Health Card issuer section is past its maximum age at <paramref name="now"/>.</summary>
    public bool IsShcIssuersStale(DateTimeOffset now) => now - IssuedAt > ShcIssuersMaxAge;

    /// <summary>ICAO VDS-NC country signing CAs.</summary>
    public VdsNcTrust VdsCscas { get; init; } = VdsNcTrust.Empty;

    public TimeSpan VdsCscasMaxAge { get; init; }

    /// <summary>Whether the VDS-NC CSCA section is past its maximum age at <paramref name="now"/>.</summary>
    public bool IsVdsCscasStale(DateTimeOffset now) => now - IssuedAt > VdsCscasMaxAge;

    /// <summary>Whether the declaration-signer section is past its maximum age at <paramref name="now"/>.</summary>
    public bool IsDeclarationSignersStale(DateTimeOffset now) => now - IssuedAt > DeclarationSignersMaxAge;

    /// <summary>Whether the DSC section is past its maximum age at <paramref name="now"/>.</summary>
    public bool IsDscStale(DateTimeOffset now) => now - IssuedAt > DscMaxAge;
}
