using ScanPoint.Contracts.CheckIns;
using ScanPoint.Hardware.Scanning;

namespace ScanPoint.Kiosk.Outbox;

/// <summary>What the scan pipeline hands the outbox: everything of a check-in but its id and sequence number.</summary>
/// <param name="Cursor">Where a replayable source stands after this scan; committed in the same transaction, so a
/// restarted source resumes exactly after the last recorded scan.</param>
/// <param name="Subject">Who was scanned, when the verifier could say; stored encrypted.</param>
public sealed record ScannedCode(DateTimeOffset At, string Format, string Verdict, string PayloadHash, SourceCursor? Cursor = null, CheckInSubject? Subject = null);
