namespace ScanPoint.Credentials.Declarations;

/// <summary>
/// The national declaration pass (<c>DCL1:</c>), as carried in CWT claim <see cref="DeclarationClaims.ClaimKey"/>.
/// Personal data is minimal: name and date of birth for cross-matching, the citizen-ID number only as a hash.
/// </summary>
/// <param name="Type"><c>m</c> movement declaration or <c>h</c> health declaration.</param>
/// <param name="Name">Full name as declared.</param>
/// <param name="DateOfBirth">YYYY, YYYY-MM or YYYY-MM-DD.</param>
/// <param name="IdNumberHash">base64url SHA-256 of the 12-digit citizen-ID number.</param>
/// <param name="From">Movement: province code travelled from; null for a health declaration.</param>
/// <param name="To">Movement: province code travelled to.</param>
/// <param name="HealthStatus"><c>ok</c>, <c>symptoms</c> or <c>exposed</c>.</param>
public sealed record DeclarationPass(string Type, string Name, string DateOfBirth, string IdNumberHash, string? From, string? To, string HealthStatus)
{
    public const string Movement = "m";
    public const string Health = "h";

    /// <summary>Longest validity a pass of this type may carry.</summary>
    public static TimeSpan MaxValidity(string type) => type == Movement ? TimeSpan.FromHours(72) : TimeSpan.FromHours(24);
}
