using ScanPoint.Contracts.CheckIns;

namespace ScanPoint.Kiosk.Policy;

/// <summary>
/// What the scan pipeline does with one scan: record the code (unless it is a repeat) with <see cref="CodeVerdict"/>,
/// show <see cref="Decision"/>, and when a checkpoint traveller's codes reached a final decision also record the
/// <see cref="Crossing"/>.
/// </summary>
public sealed record AdmissionStep(bool Repeat, string CodeVerdict, AdmissionDecision Decision, CrossingRecord? Crossing);

/// <summary>
/// One traveller's crossing at a checkpoint: the combined verdict, the direction (format <c>crossing:in</c> or
/// <c>crossing:out</c>), a hash over the codes' hashes, and whose codes they were.
/// </summary>
public sealed record CrossingRecord(string Format, string Verdict, string PayloadHash, CheckInSubject? Subject);
