using ScanPoint.Contracts.Devices;
using ScanPoint.FleetServer.Storage;

namespace ScanPoint.FleetServer.Health;

/// <summary>
/// Derives a device's state from its three signals kept apart — presence (connected or not, and how it left),
/// liveness (heartbeats) and activity (check-ins) — at a given instant. Pure: the clock is a parameter.
/// </summary>
public static class DeviceHealthRules
{
    /// <param name="deviceAlerts">The alerts the device itself holds raised (flap-suppressed on the kiosk, kept while it
    /// was offline); merged with the thresholds on its last heartbeat.</param>
    public static DeviceHealth Derive(DeviceHealthRow row, DateTimeOffset now, HealthOptions options, IReadOnlyList<string>? deviceAlerts = null)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(options);
        IReadOnlyList<string> alerts = [.. (row.LastHeartbeat is { } beat ? Alerts(beat, options) : []).Concat(deviceAlerts ?? []).Distinct(StringComparer.Ordinal)];
        var lastSeen = Latest(row.LastHeartbeatAt, row.PresenceReceivedAt); // the fleet's clock, not the kiosk's
        var active = row.LastCheckInAt is { } last && now - last <= options.ActiveWindow;
        return new DeviceHealth(
            row.DeviceId,
            row.Province,
            row.SiteId,
            State(row, lastSeen, alerts, now, options),
            alerts,
            active,
            lastSeen,
            row.LastCheckInAt,
            row.CheckIns,
            row.LastHeartbeat?.TrustVersion,
            row.LastHeartbeat?.ClockOffsetSeconds);
    }

    private static string State(DeviceHealthRow row, DateTimeOffset? lastSeen, IReadOnlyList<string> alerts, DateTimeOffset now, HealthOptions options)
    {
        if (row.RevokedAt is not null)
        {
            return DeviceStates.Revoked;
        }

        if (row.Presence is null && row.LastHeartbeatAt is null && row.CheckIns == 0)
        {
            return DeviceStates.NeverActive;
        }

        switch (row.Presence?.State)
        {
            case PresenceChanged.Lost:
                return DeviceStates.Lost;
            case PresenceChanged.Offline:
            case null:
                return DeviceStates.Offline;
        }

        if (lastSeen is null || now - lastSeen.Value > options.HeartbeatInterval * options.MissedBeatsForStale)
        {
            return DeviceStates.Stale;
        }

        if (alerts.Count > 0)
        {
            return DeviceStates.Alert;
        }

        var sinceScan = now - (row.LastCheckInAt ?? row.CreatedAt);
        return sinceScan > options.IdleAfter ? DeviceStates.Idle : DeviceStates.Online;
    }

    /// <summary>Thresholds on the last heartbeat, as short stable codes.</summary>
    public static IReadOnlyList<string> Alerts(HeartbeatReported beat, HealthOptions options)
    {
        ArgumentNullException.ThrowIfNull(beat);
        ArgumentNullException.ThrowIfNull(options);
        var alerts = new List<string>();
        if (beat.DiskTotalBytes > 0 && (double)beat.DiskFreeBytes / beat.DiskTotalBytes < options.MinDiskFreeRatio)
        {
            alerts.Add("DISK_LOW");
        }

        if (beat.OutboxOldestAgeSeconds is { } oldest && oldest > options.MaxOutboxOldestAge.TotalSeconds)
        {
            alerts.Add("OUTBOX_BACKLOG");
        }

        if (beat.CpuTemperatureC is { } temperature && temperature > options.MaxCpuTemperatureC)
        {
            alerts.Add("CPU_HOT");
        }

        if (beat.ClockOffsetSeconds is { } offset && Math.Abs(offset) > options.MaxClockOffset.TotalSeconds)
        {
            alerts.Add("CLOCK_SKEW");
        }

        if (beat.TrustAgeSeconds is { } age && age > options.MaxTrustAge.TotalSeconds)
        {
            alerts.Add("TRUST_STALE");
        }

        if (beat.TrustVersion is null)
        {
            alerts.Add("NO_TRUST");
        }

        return alerts;
    }

    private static DateTimeOffset? Latest(DateTimeOffset? a, DateTimeOffset? b) => a is null ? b : b is null ? a : a > b ? a : b;
}
