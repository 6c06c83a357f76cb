namespace ScanPoint.Credentials.Verdicts;

/// <summary>
/// The closed outcome of verifying one credential: <see cref="Accepted"/>, <see cref="Rejected"/> or
/// <see cref="Unverifiable"/>, each with warnings. Codes come from <see cref="VerdictCodes"/>.
/// </summary>
public abstract record Verdict
{
    private Verdict()
    {
    }

    /// <summary>Non-fatal findings (codes from <see cref="VerdictCodes"/>), in the order found.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>The failure code, or null when accepted.</summary>
    public abstract string? Code { get; }

    /// <summary>The credential is genuine, trusted and valid now.</summary>
    public sealed record Accepted : Verdict
    {
        public override string? Code => null;
    }

    /// <summary>The credential is malformed, forged, expired or not allowed.</summary>
    public sealed record Rejected(string Code) : Verdict
    {
        public override string Code { get; } = Code;
    }

    /// <summary>The credential could not be judged here (unknown signer, unsupported algorithm …).</summary>
    public sealed record Unverifiable(string Code) : Verdict
    {
        public override string Code { get; } = Code;
    }
}
