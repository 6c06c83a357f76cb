namespace ScanPoint.Credentials.CertLogic;

/// <summary>Bounds on one evaluation, so hostile rules or data end in an error result, not a crash.</summary>
/// <param name="MaxDepth">Deepest nesting of expressions (arrays and operations) that is evaluated.</param>
/// <param name="MaxSteps">Most expression nodes evaluated plus data nodes copied in one evaluation.</param>
public sealed record CertLogicLimits(int MaxDepth = 64, int MaxSteps = 200_000)
{
    /// <summary>Depth 64, 200 000 steps: far above every published business rule.</summary>
    public static CertLogicLimits Default { get; } = new();
}
