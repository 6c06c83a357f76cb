using ScanPoint.Credentials.Identity;

namespace ScanPoint.Kiosk.Policy;

/// <summary>
/// What one scanned code proves, for the admission policy: its <see cref="Kind"/> (<see cref="EvidenceKinds"/>), its own
/// verdict, whose it is, when the fact happened (vaccination date, test sample time, first positive test, declaration
/// issued), whether it is complete (last dose of the series, a negative test, a declared health status of <c>ok</c>) and,
/// for a movement declaration, its route.
/// </summary>
public sealed record Evidence(string Kind, string Verdict, IdentityClaim? Holder, DateTimeOffset? At, bool Complete, string? From = null, string? To = null);

/// <summary>The kinds of evidence a policy can require.</summary>
public static class EvidenceKinds
{
    public const string Vaccination = "vaccination";
    public const string Test = "test";
    public const string Recovery = "recovery";
    public const string Movement = "movement";
    public const string Health = "health";
    public const string CitizenId = "citizen-id";
    public const string Other = "other";

    public static readonly IReadOnlyList<string> Requirable = [Vaccination, Test, Recovery, Movement, Health];
}
