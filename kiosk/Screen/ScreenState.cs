namespace ScanPoint.Kiosk.Screen;

/// <summary>
/// What the page shows, pushed to it on every change: the verdict (<see cref="Kind"/>: <c>idle</c>, <c>accepted</c>,
/// <c>rejected</c>, <c>unverifiable</c>, <c>unverified</c>), its reason in Vietnamese and English, the minimum personal
/// data (masked name, birth year; cleared after a few seconds), and the kiosk's status line. <see cref="Seq"/> counts
/// every change, <see cref="Verdicts"/> the verdicts shown since start.
/// </summary>
public sealed record ScreenState(
    long Seq,
    long Verdicts,
    string Kind,
    string Code,
    string ReasonVi,
    string ReasonEn,
    string? MaskedName,
    int? BirthYear,
    ScreenStatus Status);

/// <summary>
/// The status line: connected or not and how many check-ins wait ("offline — N check-ins buffered"), and warnings
/// about trust freshness and the clock (null when all is well).
/// </summary>
public sealed record ScreenStatus(bool Online, long Buffered, string? TrustWarning, string? ClockWarning);
