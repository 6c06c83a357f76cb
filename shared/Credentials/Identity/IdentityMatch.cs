namespace ScanPoint.Credentials.Identity;

/// <summary>
/// The overall outcome (any mismatch wins, then any partial) with a short stable reason from
/// <see cref="IdentityMatchReasons"/>, and the name and date-of-birth outcomes on their own.
/// </summary>
public sealed record IdentityMatch(IdentityMatchKind Kind, string Reason, IdentityMatchKind Name, IdentityMatchKind DateOfBirth);
