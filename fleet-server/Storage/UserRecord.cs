namespace ScanPoint.FleetServer.Storage;

/// <summary>
/// An operator's account: a role (<c>Users/UserRoles</c>), the province it is limited to (null = all), the password
/// hash (ASP.NET Core Identity's PBKDF2 format), and the lockout state.
/// </summary>
public sealed record UserRecord(string Name, string Role, string? Province, string PasswordHash, int FailedAttempts, DateTimeOffset? LockedUntil);
