using System.Text.Json.Nodes;
using ScanPoint.Credentials.Dcc.Revocation;
using ScanPoint.Credentials.Dcc.Schema;

namespace ScanPoint.Credentials.Trust;

/// <summary>Turns a bundle's DCC sections into the engines' inputs; a malformed section refuses the whole bundle.</summary>
internal static class TrustSectionReader
{
    private static readonly JsonNodeOptions NodeOptions = new() { PropertyNameCaseInsensitive = false };
    private static readonly System.Text.Json.JsonDocumentOptions DocumentOptions = new() { MaxDepth = 64 };

    public static DccTrust ReadDcc(TrustBundleContent content)
    {
        var schemas = content.DccSchemas is { } s ? DccSchemaSet.FromJson(s.Items) : null;
        var revocations = content.DccRevocation is { } r
            ? RevocationList.TryCreate(r.Items.Select(ToEntry)) ?? throw new FormatException("dccRevocation: a hash is shorter than 128 bits")
            : RevocationList.Empty;
        var rules = content.DccRules?.Rules.Select(ParseObject).ToList() ?? [];
        var valueSets = content.DccRules is { } d ? ParseObject(d.ValueSets) : null;
        return new DccTrust(schemas, revocations, rules, valueSets);
    }

    public static IReadOnlyDictionary<string, JsonObject> ReadPolicies(TrustBundleContent content) =>
        content.ProvincePolicies?.Items.ToDictionary(p => p.Key, p => ParseObject(p.Value), StringComparer.Ordinal) ?? [];

    private static RevocationEntry ToEntry(DccRevocationItem item) => new(
        item.Type switch
        {
            "UCI" => RevocationHashType.Uci,
            "COUNTRYCODEUCI" => RevocationHashType.CountryCodeUci,
            "SIGNATURE" => RevocationHashType.Signature,
            _ => throw new FormatException($"dccRevocation: unknown hash type '{item.Type}'"),
        },
        Convert.FromBase64String(item.Hash),
        item.Kid is null ? null : Convert.FromBase64String(item.Kid));

    private static JsonObject ParseObject(string json) =>
        JsonNode.Parse(json, NodeOptions, DocumentOptions) as JsonObject ?? throw new FormatException("a bundle item is not a JSON object");
}
