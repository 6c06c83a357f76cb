using System.Text.Json.Nodes;
using ScanPoint.Credentials.Verdicts;

namespace ScanPoint.Credentials.VdsNc;

/// <summary>
/// The verdict on one ICAO VDS-NC seal. <paramref name="Data"/> (the signed <c>data</c> object) and
/// <paramref name="SignerSubject"/> are set whenever the seal parsed, even if not trusted.
/// <paramref name="SignatureVerified"/> says the signature verifies with the seal's own signer certificate
/// (<c>cer</c>) — true for an Unverifiable(CSCA) seal whose signer simply is not chained to a configured CSCA,
/// false for a forged one.
/// </summary>
public sealed record VdsNcResult(Verdict Verdict, JsonNode? Data, string? SignerSubject, bool SignatureVerified);
