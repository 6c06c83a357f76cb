using System.ComponentModel.DataAnnotations;

namespace ScanPoint.Kiosk.Reporting;

/// <summary>The <c>Reporting</c> configuration section: how the kiosk delivers its outbox to the fleet.</summary>
public sealed class ReportingOptions
{
    public const string SectionName = "Reporting";

    /// <summary>Check-ins per published batch.</summary>
    [Range(1, 1000)]
    public int BatchSize { get; set; } = 250;

    /// <summary>Batches published and not yet acknowledged at once.</summary>
    [Range(1, 64)]
    public int MaxBatchesInFlight { get; set; } = 4;

    /// <summary>Without an application ack for this long, unacknowledged check-ins are sent again.</summary>
    public TimeSpan AckTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>First reconnect delay; doubles (with jitter) up to <see cref="ReconnectMaxDelay"/>.</summary>
    public TimeSpan ReconnectMinDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    public TimeSpan ReconnectMaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long the broker keeps this kiosk's session (subscriptions, queued acks) while it is away.</summary>
    public TimeSpan SessionExpiry { get; set; } = TimeSpan.FromHours(24);

    /// <summary>How often the reporter looks at the outbox when nothing wakes it.</summary>
    public TimeSpan IdlePoll { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How often a connected kiosk publishes its liveness beat on <c>…/hb</c> (the first right after connecting).</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "1.00:00:00", ErrorMessage = "Reporting:HeartbeatInterval must be greater than zero (and at most a day).")]
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(60);
}
