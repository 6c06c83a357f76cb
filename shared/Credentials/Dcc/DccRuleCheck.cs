using System.Globalization;
using System.Text.Json.Nodes;
using ScanPoint.Credentials.CertLogic;
using ScanPoint.Credentials.Verdicts;

namespace ScanPoint.Credentials.Dcc;

/// <summary>
/// Runs the trust bundle's CertLogic acceptance rules on a verified DCC: the rules for its type (or General)
/// that are in force at <c>now</c>. Any failed rule → <c>Rejected(RULE)</c>; any rule that cannot be evaluated →
/// <c>Unverifiable(RULE)</c>; otherwise null (all passed, or no rule applies).
/// </summary>
public static class DccRuleCheck
{
    private static readonly RuleEvaluator Evaluator = new();

    public static Verdict? Evaluate(DccClaims claims, IReadOnlyList<JsonObject> rules, JsonObject? valueSets, DateTimeOffset now, string countryOfArrival)
    {
        var type = claims.EntryTypes.Count == 1 ? TypeName(claims.EntryTypes[0]) : null;
        var external = RuleEvaluator.CreateExternal(now, valueSets, countryOfArrival);
        external["exp"] = claims.Expires?.ToString("O", CultureInfo.InvariantCulture);
        external["iat"] = claims.IssuedAt?.ToString("O", CultureInfo.InvariantCulture);
        Verdict? open = null;
        foreach (var rule in rules.Where(r => Applies(r, type, now)))
        {
            var result = Evaluator.Evaluate(rule, claims.Payload, external);
            if (result.Outcome == RuleOutcome.Failed)
            {
                return new Verdict.Rejected(VerdictCodes.Rule);
            }

            open ??= result.Outcome == RuleOutcome.Open ? new Verdict.Unverifiable(VerdictCodes.Rule) : null;
        }

        return open;
    }

    private static bool Applies(JsonObject rule, string? type, DateTimeOffset now)
    {
        var ruleType = rule["CertificateType"]?.GetValue<string>();
        if (ruleType is not null && ruleType != "General" && ruleType != type)
        {
            return false;
        }

        return InForce(rule["ValidFrom"], now, before: true) && InForce(rule["ValidTo"], now, before: false);
    }

    private static bool InForce(JsonNode? bound, DateTimeOffset now, bool before) =>
        bound is null
        || !DateTimeOffset.TryParse(bound.GetValue<string>(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
        || (before ? at <= now : now <= at);

    private static string? TypeName(char entry) => entry switch
    {
        'v' => "Vaccination",
        't' => "Test",
        'r' => "Recovery",
        _ => null,
    };
}
