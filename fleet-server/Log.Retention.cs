namespace ScanPoint.FleetServer;

/// <summary>Retention log messages (ids 7301–7349).</summary>
internal static partial class Log
{
    [LoggerMessage(7301, LogLevel.Information, "Retention: check-ins older than {Days} days are deleted every {Interval}")]
    public static partial void RetentionStarted(ILogger logger, int days, TimeSpan interval);

    [LoggerMessage(7302, LogLevel.Information, "Retention deleted {Deleted} check-ins before {Before} ({Unrelayed} never relayed) and {Heartbeats} heartbeats in {Elapsed}")]
    public static partial void RetentionPurged(ILogger logger, long deleted, DateTimeOffset before, long unrelayed, long heartbeats, TimeSpan elapsed);

    [LoggerMessage(7303, LogLevel.Warning, "Retention deleted {Unrelayed} check-ins that never reached the national backend (past {Days} days)")]
    public static partial void RetentionDeletedUnrelayed(ILogger logger, long unrelayed, int days);

    [LoggerMessage(7304, LogLevel.Error, "Retention run failed; trying again in {Interval}")]
    public static partial void RetentionFailed(ILogger logger, TimeSpan interval, Exception exception);
}
