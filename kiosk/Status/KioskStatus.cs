using ScanPoint.Hardware.Signals;
using ScanPoint.Kiosk.Outbox;
using ScanPoint.Kiosk.Scanning;

namespace ScanPoint.Kiosk.Status;

/// <summary>What a running kiosk answers on its status socket: the outbox, every scan source and the door signals. Nothing personal.</summary>
public sealed record KioskStatus(OutboxStatus Outbox, IReadOnlyList<ScanSourceStatus> Sources, SignalsHealth? Signals = null);
