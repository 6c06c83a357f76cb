using ScanPoint.Credentials.Verdicts;

namespace ScanPoint.Credentials.Dcc;

/// <summary>The verdict on one HC1 code, with its claims when the payload could be decoded (even if not trusted).</summary>
public sealed record DccResult(Verdict Verdict, DccClaims? Claims)
{
    /// <summary>Where the failure was found, when the stage says (SCHEMA: "/json/pointer: keyword"); never payload values.</summary>
    public string? Detail { get; init; }
}
