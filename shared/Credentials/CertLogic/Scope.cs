using System.Globalization;
using System.Text.Json.Nodes;

namespace ScanPoint.Credentials.CertLogic;

/// <summary>
/// The data context <c>var</c> reads from: the caller's data, or an object of named roots held by reference
/// (a <c>reduce</c> lambda's <c>{ "current", "accumulator" }</c>, a rule's <c>{ "payload", "external" }</c>),
/// so nothing is copied per item or per rule.
/// </summary>
internal sealed class Scope
{
    private readonly JsonNode? _data;
    private readonly (string Name, JsonNode? Value)[]? _roots;

    private Scope(JsonNode? data, (string Name, JsonNode? Value)[]? roots)
    {
        _data = data;
        _roots = roots;
    }

    public static Scope Of(JsonNode? data) => new(data, null);

    public static Scope OfReduce(JsonNode? current, JsonNode? accumulator) => new(null, [("current", current), ("accumulator", accumulator)]);

    public static Scope OfRule(JsonNode? payload, JsonNode? external) => new(null, [("payload", payload), ("external", external)]);

    /// <summary>Drills down a dotted path; anything missing or not drillable is null.</summary>
    public JsonNode? Resolve(string path, Evaluation evaluation)
    {
        if (_roots is null)
        {
            return path.Length == 0 ? _data : Drill(_data, path.Split('.'), 0);
        }

        if (path.Length == 0)
        {
            var whole = new JsonObject();
            foreach (var (name, value) in _roots)
            {
                whole[name] = evaluation.Detach(value);
            }

            return whole;
        }

        var fragments = path.Split('.');
        var root = Array.Find(_roots, r => r.Name == fragments[0]).Value;
        return Drill(root, fragments, 1);
    }

    private static JsonNode? Drill(JsonNode? node, string[] fragments, int start)
    {
        for (var i = start; i < fragments.Length && node is not null; i++)
        {
            var fragment = fragments[i];
            node = node switch
            {
                JsonObject o => o.TryGetPropertyValue(fragment, out var child) ? child : null,
                JsonArray a => int.TryParse(fragment, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < a.Count
                    ? a[index]
                    : null,
                _ => null,
            };
        }

        return node;
    }
}
