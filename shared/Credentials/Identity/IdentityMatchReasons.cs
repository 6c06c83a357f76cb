namespace ScanPoint.Credentials.Identity;

/// <summary>Reasons for an <see cref="IdentityMatch"/>; short and stable like verdict codes.</summary>
public static class IdentityMatchReasons
{
    /// <summary>Names and dates of birth agree fully.</summary>
    public const string Match = "MATCH";

    /// <summary>The folded name tokens differ.</summary>
    public const string NameMismatch = "NAME_MISMATCH";

    /// <summary>One name's tokens are a strict part of the other's (a middle name left out).</summary>
    public const string NamePartial = "NAME_PARTIAL";

    /// <summary>A name is missing or holds no letters.</summary>
    public const string NameMissing = "NAME_MISSING";

    /// <summary>The dates of birth differ in a component both know.</summary>
    public const string DobMismatch = "DOB_MISMATCH";

    /// <summary>The dates of birth agree only as far as the less precise one goes (e.g. "1990" vs "1990-05-01").</summary>
    public const string DobPartial = "DOB_PARTIAL";

    /// <summary>A date of birth is missing.</summary>
    public const string DobMissing = "DOB_MISSING";

    /// <summary>A date of birth is present but not a (partial) date.</summary>
    public const string DobInvalid = "DOB_INVALID";
}
