namespace ScanPoint.Credentials.CertLogic;

/// <summary>The EU DCC business-rule outcome: the logic gave true, false, or could not be evaluated.</summary>
public enum RuleOutcome
{
    /// <summary>The logic evaluated to <c>true</c>.</summary>
    Passed,

    /// <summary>The logic evaluated to <c>false</c>.</summary>
    Failed,

    /// <summary>The logic threw (invalid rule, type mismatch, limit) or gave a non-boolean: undecided.</summary>
    Open,
}
