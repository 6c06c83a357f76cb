using System.ComponentModel.DataAnnotations;

namespace ScanPoint.Kiosk.Clock;

/// <summary>The clock-safety keys of the <c>Kiosk</c> section (see <see cref="ClockGuard"/>).</summary>
public sealed class ClockOptions
{
    public const string SectionName = "Kiosk";

    /// <summary>Largest difference from the fleet's clock at which the kiosk still verifies codes.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00", ErrorMessage = "Kiosk:MaxClockSkew must be between 1 second and a day.")]
    public TimeSpan MaxClockSkew { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How far the clock may be behind the last-known-good time (it is saved only every few minutes).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00", ErrorMessage = "Kiosk:ClockTolerance must be between 0 and an hour.")]
    public TimeSpan ClockTolerance { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How often a trusted clock is saved as the last-known-good time (each save is one small fsync'd write).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00", ErrorMessage = "Kiosk:ClockSaveInterval must be between 1 second and a day.")]
    public TimeSpan ClockSaveInterval { get; set; } = TimeSpan.FromMinutes(10);
}
