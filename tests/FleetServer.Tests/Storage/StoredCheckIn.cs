using ScanPoint.Contracts.CheckIns;

namespace ScanPoint.FleetServer.Tests.Storage;

/// <summary>A check-in row as a test reads it back with raw SQL, with the server's receive time.</summary>
public sealed record StoredCheckIn(CheckInRecorded CheckIn, DateTimeOffset ReceivedAt);
