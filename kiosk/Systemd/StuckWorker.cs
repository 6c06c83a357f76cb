namespace ScanPoint.Kiosk.Systemd;

/// <summary>A main-worker operation that has been in progress for <paramref name="For"/>.</summary>
public sealed record StuckWorker(string Worker, TimeSpan For);
