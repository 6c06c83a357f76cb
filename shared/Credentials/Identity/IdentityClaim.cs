using System.Globalization;
using ScanPoint.Credentials.CitizenId;

namespace ScanPoint.Credentials.Identity;

/// <summary>
/// A name and date of birth as one credential states them. <paramref name="Name"/> is free text in any order
/// ("Nguyễn Văn A", "CITIZEN  JANE SUE", "NGUYEN&lt;&lt;VAN&lt;A"); <paramref name="DateOfBirth"/> may be partial.
/// </summary>
public sealed record IdentityClaim(string? Name, string? DateOfBirth)
{
    /// <summary>From a DCC's ICAO-standardised names (<c>nam.fnt</c>, <c>nam.gnt</c>) and <c>dob</c>.</summary>
    public static IdentityClaim FromDcc(string? familyNameStandardised, string? givenNameStandardised, string? dateOfBirth) =>
        new($"{familyNameStandardised}<<{givenNameStandardised}", dateOfBirth);

    /// <summary>From a CCCD identity (unverified: the match says only that the two claims agree).</summary>
    public static IdentityClaim FromCitizenId(CitizenIdentity identity) =>
        new(identity.FullName, identity.DateOfBirth.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
}
