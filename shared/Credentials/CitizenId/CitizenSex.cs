namespace ScanPoint.Credentials.CitizenId;

/// <summary>Sex as printed on the card ("Nam" / "Nữ") and encoded in the 4th digit of the ID number (even / odd).</summary>
public enum CitizenSex
{
    Male,
    Female,
}
