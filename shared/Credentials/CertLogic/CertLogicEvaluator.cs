using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace ScanPoint.Credentials.CertLogic;

/// <summary>
/// Evaluates CertLogic expressions (specification 1.3.3, certlogic/spec) on JSON data. Never throws for bad
/// rules or data: an invalid expression, a type mismatch or a limit hit is a failed <see cref="CertLogicResult"/>.
/// </summary>
public static class CertLogicEvaluator
{
    /// <summary>Evaluates <paramref name="expression"/> against the data context <paramref name="data"/>.</summary>
    public static CertLogicResult Evaluate(JsonNode? expression, JsonNode? data, CertLogicLimits? limits = null) =>
        Evaluate(expression, Scope.Of(data), limits);

    /// <summary>Evaluates a business rule's logic against <c>{ "payload": …, "external": … }</c> without copying either.</summary>
    public static CertLogicResult EvaluateRuleLogic(JsonNode? logic, JsonNode? payload, JsonNode? external, CertLogicLimits? limits = null) =>
        Evaluate(logic, Scope.OfRule(payload, external), limits);

    private static CertLogicResult Evaluate(JsonNode? expression, Scope scope, CertLogicLimits? limits)
    {
        try
        {
            var value = new Evaluation(limits ?? CertLogicLimits.Default).Evaluate(expression, scope);
            return CertLogicResult.Success(value);
        }
        catch (CertLogicException e)
        {
            return CertLogicResult.Failure(e.Code, e.Message);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or OverflowException
            or FormatException or RegexMatchTimeoutException or InsufficientExecutionStackException)
        {
            // Type confusion inside System.Text.Json or arithmetic on hostile values: still only a bad rule.
            return CertLogicResult.Failure(CertLogicCodes.Evaluation, e.GetType().Name + " while evaluating");
        }
    }
}
