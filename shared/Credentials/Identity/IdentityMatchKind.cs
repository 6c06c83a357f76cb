namespace ScanPoint.Credentials.Identity;

/// <summary>How two identity claims compare: the same person, clearly not, or compatible but not confirmed.</summary>
public enum IdentityMatchKind
{
    Match,
    Mismatch,
    Partial,
}
