using ScanPoint.Kiosk.Outbox;
using ScanPoint.Kiosk.Scanning;

namespace ScanPoint.Kiosk.Status;

/// <summary>What a running kiosk answers on its status socket: the outbox and every scan source. Nothing personal.</summary>
public sealed record KioskStatus(OutboxStatus Outbox, IReadOnlyList<ScanSourceStatus> Sources);
