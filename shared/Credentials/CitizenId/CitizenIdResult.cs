namespace ScanPoint.Credentials.CitizenId;

/// <summary>
/// The outcome of reading a CCCD QR: parsed with an unverified identity, or not, with a code from
/// <see cref="Verdicts.VerdictCodes"/> (<c>CCCD_FORMAT</c>, <c>CCCD_ID</c>, <c>CCCD_DATE</c>, <c>TOO_LARGE</c>).
/// Deliberately not a <see cref="Verdicts.Verdict"/>: an unsigned claim is never Accepted.
/// </summary>
public sealed record CitizenIdResult(bool Parsed, string? Code, CitizenIdentity? Identity);
