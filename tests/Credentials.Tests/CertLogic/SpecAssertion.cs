using System.Text.Json.Nodes;

namespace ScanPoint.Credentials.Tests.CertLogic;

/// <summary>One evaluator assertion of the CertLogic specification test suite.</summary>
internal sealed record SpecAssertion(string Name, JsonNode? Expression, JsonNode? Data, JsonNode? Expected, string? Message)
{
    public override string ToString() => Name;
}
