using ScanPoint.Credentials.Verdicts;

namespace ScanPoint.Credentials.Tests.Hostile;

/// <summary>
/// One row of the hostile corpus: a format, a unique name, the verdict the README specifies, and an arrange step that
/// builds the input (not measured) and returns the call into the public entry point (measured).
/// </summary>
internal sealed record HostileCase(string Format, string Name, Verdict Expected, Func<Func<Verdict>> Arrange)
{
    public string Id => $"{Format}/{Name}";

    public override string ToString() => Id;
}
