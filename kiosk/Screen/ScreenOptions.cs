using System.ComponentModel.DataAnnotations;

namespace ScanPoint.Kiosk.Screen;

/// <summary>The <c>Screen</c> section: the local page Chromium shows in kiosk mode (always on 127.0.0.1).</summary>
public sealed class ScreenOptions
{
    public const string SectionName = "Screen";

    /// <summary>Port of the page on 127.0.0.1; 0 = no screen (a headless checkpoint reader).</summary>
    [Range(0, 65535)]
    public int Port { get; set; } = 8088;

    /// <summary>How long a verdict stays up before the page returns to "scan your code".</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:01:00", ErrorMessage = "Screen:VerdictHold must be between 1 s and 1 min.")]
    public TimeSpan VerdictHold { get; set; } = TimeSpan.FromSeconds(6);

    /// <summary>How long the masked name and birth year stay visible (never longer than the verdict).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00", ErrorMessage = "Screen:PersonalHold must be between 0 and 1 min.")]
    public TimeSpan PersonalHold { get; set; } = TimeSpan.FromSeconds(4);

    /// <summary>A trust bundle older than this shows a freshness warning.</summary>
    public TimeSpan TrustWarnAfter { get; set; } = TimeSpan.FromDays(2);

    /// <summary>A learned fleet clock offset beyond this shows a clock warning.</summary>
    public TimeSpan ClockWarnAfter { get; set; } = TimeSpan.FromMinutes(1);
}
