using ScanPoint.Contracts.CheckIns;
using ScanPoint.Kiosk.Policy;

namespace ScanPoint.Kiosk.Verification;

/// <summary>
/// What <see cref="CodeVerifier"/> found: the check-in's verdict string, who was scanned (when it may be recorded), and
/// what the code proves for the admission policy (<see cref="Evidence"/>; null when its claims could not be read).
/// </summary>
public sealed record CodeCheck(string Verdict, CheckInSubject? Subject = null, Evidence? Evidence = null)
{
    /// <summary>The evidence, or a code that proves nothing beyond its verdict.</summary>
    public Evidence EvidenceOrUnread => Evidence ?? EvidenceReader.Unread(Verdict);
}
