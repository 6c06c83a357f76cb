namespace ScanPoint.Credentials.CertLogic;

/// <summary>
/// Short, stable codes for CertLogic evaluation and business-rule outcomes. Logged and sent to the
/// fleet like <see cref="Verdicts.VerdictCodes"/>; never rename one.
/// </summary>
public static class CertLogicCodes
{
    /// <summary>The expression is invalid for the operation, or an operand has the wrong type.</summary>
    public const string Evaluation = "CL_EVAL";

    /// <summary>The expression is nested deeper, or needs more steps, than <see cref="CertLogicLimits"/> allow.</summary>
    public const string Limit = "CL_LIMIT";

    /// <summary>The rule JSON has no <c>Logic</c>, or names an engine other than CERTLOGIC.</summary>
    public const string RuleInvalid = "RULE_INVALID";

    /// <summary>The rule's logic evaluated to something other than a boolean.</summary>
    public const string RuleNotBoolean = "RULE_NOT_BOOLEAN";
}
