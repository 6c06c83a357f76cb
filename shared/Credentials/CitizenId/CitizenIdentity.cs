namespace ScanPoint.Credentials.CitizenId;

/// <summary>
/// The identity claim printed in a CCCD QR. The QR is unsigned: this is what the card says, never a verified
/// identity (<see cref="Verified"/> is always false); use it only to cross-match name and date of birth against a
/// signed credential.
/// </summary>
public sealed record CitizenIdentity(
    string IdNumber,
    string? OldIdNumber,
    string FullName,
    DateOnly DateOfBirth,
    CitizenSex Sex,
    string Address,
    DateOnly IssueDate,
    string ProvinceCode)
{
    /// <summary>Always false: the CCCD QR carries no signature.</summary>
    public bool Verified => false;
}
