namespace ScanPoint.Kiosk.Outbox;

/// <summary>What the scan pipeline hands the outbox: everything of a check-in but its id and sequence number.</summary>
public sealed record ScannedCode(DateTimeOffset At, string Format, string Verdict, string PayloadHash);
