namespace ScanPoint.Credentials.Verdicts;

/// <summary>
/// The outcome of each verification stage judged on its own: <c>true</c> passed, <c>false</c> failed, <c>null</c>
/// not reached (an earlier stage left nothing to check) or not applicable to the format / not supplied.
/// </summary>
public sealed record CredentialChecks
{
    /// <summary>The stage names, in the order they are reported.</summary>
    public static readonly IReadOnlyList<string> Names =
        ["prefix", "base45", "zlib", "cose", "cbor", "schema", "signature", "keyUsage", "expiry", "rules", "revocation"];

    /// <summary>Nothing reached.</summary>
    public static CredentialChecks None { get; } = new();

    public bool? Prefix { get; init; }

    public bool? Base45 { get; init; }

    public bool? Zlib { get; init; }

    public bool? Cose { get; init; }

    public bool? Cbor { get; init; }

    public bool? Schema { get; init; }

    public bool? Signature { get; init; }

    public bool? KeyUsage { get; init; }

    public bool? Expiry { get; init; }

    public bool? Rules { get; init; }

    public bool? Revocation { get; init; }

    /// <summary>The checks as (name, value) pairs in <see cref="Names"/> order.</summary>
    public IEnumerable<KeyValuePair<string, bool?>> ToPairs()
    {
        bool?[] values = [Prefix, Base45, Zlib, Cose, Cbor, Schema, Signature, KeyUsage, Expiry, Rules, Revocation];
        return Names.Select((name, i) => KeyValuePair.Create(name, values[i]));
    }
}
