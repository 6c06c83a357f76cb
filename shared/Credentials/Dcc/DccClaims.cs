using System.Text.Json.Nodes;

namespace ScanPoint.Credentials.Dcc;

/// <summary>The CWT claims of a DCC: issuer country, issued-at, expiry, optional not-before, and the hcert payload.</summary>
public sealed record DccClaims(
    string? Issuer,
    DateTimeOffset? IssuedAt,
    DateTimeOffset? Expires,
    DateTimeOffset? NotBefore,
    JsonObject Payload)
{
    /// <summary>The certificate kinds present in the payload: any of 'v', 't', 'r' with a non-empty array.</summary>
    public IReadOnlyList<char> EntryTypes { get; } = FindEntryTypes(Payload);

    private static readonly char[] Kinds = ['v', 't', 'r'];

    private static char[] FindEntryTypes(JsonObject payload) =>
        Kinds.Where(t => payload[t.ToString()] is JsonArray { Count: > 0 }).ToArray();
}
