namespace ScanPoint.Credentials.Identity;

/// <summary>
/// Compares (name, date of birth) across credentials: names folded (<see cref="NameFolding"/>: diacritics, đ, case,
/// punctuation and '&lt;' fillers) and compared as token multisets, so family/given order does not matter; dates of
/// birth compared as far as both are known. Any mismatch → Mismatch; all equal → Match; otherwise Partial.
/// </summary>
public static class IdentityMatcher
{
    public static IdentityMatch Compare(IdentityClaim left, IdentityClaim right)
    {
        var (name, nameReason) = CompareNames(left.Name, right.Name);
        var (dob, dobReason) = CompareDates(left.DateOfBirth, right.DateOfBirth);
        if (name == IdentityMatchKind.Mismatch || dob == IdentityMatchKind.Mismatch)
        {
            return new IdentityMatch(IdentityMatchKind.Mismatch, name == IdentityMatchKind.Mismatch ? nameReason : dobReason, name, dob);
        }

        if (name == IdentityMatchKind.Partial || dob == IdentityMatchKind.Partial)
        {
            return new IdentityMatch(IdentityMatchKind.Partial, name == IdentityMatchKind.Partial ? nameReason : dobReason, name, dob);
        }

        return new IdentityMatch(IdentityMatchKind.Match, IdentityMatchReasons.Match, name, dob);
    }

    internal static (IdentityMatchKind Kind, string Reason) CompareNames(string? left, string? right)
    {
        var a = NameFolding.Tokens(left);
        var b = NameFolding.Tokens(right);
        if (a.Count == 0 || b.Count == 0)
        {
            return (IdentityMatchKind.Partial, IdentityMatchReasons.NameMissing);
        }

        var (small, large) = a.Count <= b.Count ? (a, b) : (b, a);
        var remaining = large.ToList();
        foreach (var token in small)
        {
            if (!remaining.Remove(token))
            {
                return (IdentityMatchKind.Mismatch, IdentityMatchReasons.NameMismatch);
            }
        }

        return remaining.Count == 0
            ? (IdentityMatchKind.Match, IdentityMatchReasons.Match)
            : (IdentityMatchKind.Partial, IdentityMatchReasons.NamePartial);
    }

    internal static (IdentityMatchKind Kind, string Reason) CompareDates(string? left, string? right)
    {
        if (string.IsNullOrWhiteSpace(left) || string.IsNullOrWhiteSpace(right))
        {
            return (IdentityMatchKind.Partial, IdentityMatchReasons.DobMissing);
        }

        if (PartialDate.TryParse(left) is not { } a || PartialDate.TryParse(right) is not { } b)
        {
            return (IdentityMatchKind.Mismatch, IdentityMatchReasons.DobInvalid);
        }

        if (a.Year != b.Year || Differs(a.Month, b.Month) || Differs(a.Day, b.Day))
        {
            return (IdentityMatchKind.Mismatch, IdentityMatchReasons.DobMismatch);
        }

        return a.Month is not null && a.Day is not null && b.Month is not null && b.Day is not null
            ? (IdentityMatchKind.Match, IdentityMatchReasons.Match)
            : (IdentityMatchKind.Partial, IdentityMatchReasons.DobPartial);
    }

    private static bool Differs(int? a, int? b) => a is { } x && b is { } y && x != y;
}
