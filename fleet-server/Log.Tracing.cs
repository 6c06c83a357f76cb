namespace ScanPoint.FleetServer;

/// <summary>Tracing and audit log messages (event ids 7101-7149). Never names or birth dates; the person key is not logged either.</summary>
internal static partial class Log
{
    [LoggerMessage(7101, LogLevel.Error, "Audit entry for {Action} by {User} could not be written; no data returned")]
    public static partial void AuditWriteFailed(ILogger logger, string action, string user, Exception exception);

    [LoggerMessage(7102, LogLevel.Information, "{Action} by {User}: {Rows} rows (audit entry {AuditId})")]
    public static partial void TracingQueryAudited(ILogger logger, string action, string user, int rows, long auditId);

    [LoggerMessage(7103, LogLevel.Information, "Exposure {ExposureId} marked at site {SiteId} by {User}")]
    public static partial void ExposureMarked(ILogger logger, long exposureId, string siteId, string user);
}
