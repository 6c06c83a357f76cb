namespace ScanPoint.Contracts.CheckIns;

/// <summary>
/// Who was scanned, as far as the code says: personal data, carried only for tracing. Set when the code's signature
/// verified (or for a parsed citizen-ID card, an unverified claim); never from a code whose signature failed.
/// </summary>
/// <param name="PersonKey">Pseudonymous tracing key: base64url SHA-256 over a domain prefix, the folded name tokens
/// (sorted) and the date of birth, so the same person's codes of different formats give the same key. Not anonymous:
/// anyone who knows a name and birth date can compute it.</param>
/// <param name="Name">The name as the code states it (display form), at most <see cref="MaxNameLength"/> characters.</param>
/// <param name="BirthDate">YYYY, YYYY-MM or YYYY-MM-DD, when the code carries one.</param>
/// <param name="IdNumberHash">base64url SHA-256 of the 12-digit citizen-ID number (as the declaration pass carries
/// it; computed the same way from a citizen-ID card); never the number itself.</param>
public sealed record CheckInSubject(string PersonKey, string Name, string? BirthDate, string? IdNumberHash)
{
    public const int MaxNameLength = 120;

    public const int MaxBirthDateLength = 10;

    /// <summary>A base64url SHA-256 is 43 characters; room for a versioned prefix.</summary>
    public const int MaxHashLength = 64;

    /// <summary>Never the personal fields: a record prints every member by default, and check-ins end up in messages.</summary>
    public override string ToString() => "CheckInSubject { (personal data not printed) }";

    /// <summary>This subject cut to the wire bounds (a long name is truncated, an oversized optional field dropped).</summary>
    public CheckInSubject Bounded() => new(
        PersonKey,
        Name.Length > MaxNameLength ? Name[..MaxNameLength] : Name,
        BirthDate is { Length: <= MaxBirthDateLength } ? BirthDate : null,
        IdNumberHash is { Length: <= MaxHashLength } ? IdNumberHash : null);
}
