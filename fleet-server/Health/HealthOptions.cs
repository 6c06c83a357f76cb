using System.ComponentModel.DataAnnotations;

namespace ScanPoint.FleetServer.Health;

/// <summary>The <c>Health</c> section: how device states are derived and when a heartbeat raises an alert.</summary>
public sealed class HealthOptions
{
    public const string SectionName = "Health";

    /// <summary>The kiosks' heartbeat interval (their <c>Reporting:HeartbeatInterval</c>).</summary>
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>An online device without a heartbeat for this many intervals is stale.</summary>
    [Range(1, 100)]
    public int MissedBeatsForStale { get; set; } = 3;

    /// <summary>An online device without a scan for this long is idle.</summary>
    public TimeSpan IdleAfter { get; set; } = TimeSpan.FromDays(3);

    /// <summary>Where a calendar day starts for activity per day (Viet Nam: +07:00).</summary>
    public TimeSpan DayOffset { get; set; } = TimeSpan.FromHours(7);

    /// <summary>"Active" means a scan within this window.</summary>
    public TimeSpan ActiveWindow { get; set; } = TimeSpan.FromDays(7);

    [Range(0, 1)]
    public double MinDiskFreeRatio { get; set; } = 0.10;

    public TimeSpan MaxOutboxOldestAge { get; set; } = TimeSpan.FromHours(1);

    public double MaxCpuTemperatureC { get; set; } = 80;

    public TimeSpan MaxClockOffset { get; set; } = TimeSpan.FromMinutes(1);

    public TimeSpan MaxTrustAge { get; set; } = TimeSpan.FromDays(7);
}
