using ScanPoint.Contracts.CheckIns;

namespace ScanPoint.Kiosk.Verification;

/// <summary>What <see cref="CodeVerifier"/> found: the check-in's verdict string and who was scanned, when it may be recorded.</summary>
public sealed record CodeCheck(string Verdict, CheckInSubject? Subject = null);
