using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ScanPoint.Credentials.CertLogic;

/// <summary>
/// Runs an EU DCC business rule (the gateway's rule JSON: Identifier, Engine, Logic …) on a DCC payload:
/// Logic = true → <see cref="RuleOutcome.Passed"/>, false → <see cref="RuleOutcome.Failed"/>, an evaluation
/// error or a non-boolean → <see cref="RuleOutcome.Open"/>. The data is <c>{ "payload": …, "external": … }</c>.
/// Rule selection (country, type, ValidFrom/ValidTo) is the caller's job.
/// </summary>
public sealed class RuleEvaluator
{
    private readonly CertLogicLimits _limits;

    public RuleEvaluator(CertLogicLimits? limits = null)
    {
        _limits = limits ?? CertLogicLimits.Default;
    }

    /// <summary>Evaluates <paramref name="rule"/>; never throws for malformed rules, payloads or externals.</summary>
    public RuleResult Evaluate(JsonNode? rule, JsonNode? payload, JsonNode? external)
    {
        if (rule is not JsonObject ruleObject)
        {
            return new(null, RuleOutcome.Open, CertLogicCodes.RuleInvalid, "rule is not a JSON object");
        }

        var id = CertLogicValues.TryGetString(ruleObject["Identifier"], out var identifier) ? identifier : null;
        if (ruleObject.TryGetPropertyValue("Engine", out var engine)
            && !(CertLogicValues.TryGetString(engine, out var name) && string.Equals(name, "CERTLOGIC", StringComparison.OrdinalIgnoreCase)))
        {
            return new(id, RuleOutcome.Open, CertLogicCodes.RuleInvalid, "rule engine is not CERTLOGIC");
        }

        if (!ruleObject.TryGetPropertyValue("Logic", out var logic))
        {
            return new(id, RuleOutcome.Open, CertLogicCodes.RuleInvalid, "rule has no Logic");
        }

        var result = CertLogicEvaluator.EvaluateRuleLogic(logic, payload, external, _limits);
        if (!result.IsSuccess)
        {
            return new(id, RuleOutcome.Open, result.Code, result.Error);
        }

        return result.Value?.GetValueKind() switch
        {
            JsonValueKind.True => new(id, RuleOutcome.Passed),
            JsonValueKind.False => new(id, RuleOutcome.Failed),
            _ => new(id, RuleOutcome.Open, CertLogicCodes.RuleNotBoolean, "rule logic did not evaluate to a boolean"),
        };
    }

    /// <summary>
    /// The <c>external</c> object rules read: the validation clock (ISO 8601, UTC, from the caller's clock),
    /// the value sets (<c>{ "&lt;id&gt;": [ codes… ] }</c>), and optionally the country of arrival.
    /// </summary>
    public static JsonObject CreateExternal(DateTimeOffset validationClock, JsonObject? valueSets, string? countryCode = null)
    {
        var external = new JsonObject
        {
            ["validationClock"] = validationClock.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
            ["valueSets"] = valueSets?.DeepClone() ?? new JsonObject(),
        };
        if (countryCode is not null)
        {
            external["countryCode"] = countryCode;
        }

        return external;
    }
}
