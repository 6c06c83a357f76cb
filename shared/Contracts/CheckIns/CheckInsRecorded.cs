namespace ScanPoint.Contracts.CheckIns;

/// <summary>A batch of check-ins a kiosk publishes on <c>…/evt/checkin</c> (QoS 1).</summary>
public sealed record CheckInsRecorded(int V, string DeviceId, IReadOnlyList<CheckInRecorded> Items)
{
    public const int SchemaVersion = 1;

    /// <summary>Most check-ins one batch may carry; larger batches are refused.</summary>
    public const int MaxItems = 1000;
}
