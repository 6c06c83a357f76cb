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

    /// <summary>DCC schemas, revocation list, CertLogic rules and value sets (empty when the bundle has none).</summary>
    public DccTrust DccChecks { get; init; } = DccTrust.Empty;

    /// <summary>Revocation freshness: past this age, DCC verdicts are <c>Unverifiable(TRUST_STALE)</c>.</summary>
    public TimeSpan? DccRevocationMaxAge { get; init; }

    /// <summary>Province policies by province code, locked on the kiosk.</summary>
    public IReadOnlyDictionary<string, System.Text.Json.Nodes.JsonObject> ProvincePolicies { get; init; } = new Dictionary<string, System.Text.Json.Nodes.JsonObject>();

    /// <summary>Whether the DCC sections (signers, and revocation when present) are past their maximum age.</summary>
    public bool IsDccStale(DateTimeOffset now) => IsDscStale(now) || (DccRevocationMaxAge is { } age && now - IssuedAt > age);

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
