namespace ScanPoint.FleetServer;

/// <summary>The dashboard's log messages: event ids 7201-7249.</summary>
internal static partial class Log
{
    [LoggerMessage(7201, LogLevel.Debug, "Dashboard snapshot of {Devices} devices: rows read in {ReadMs} ms, alerts and sites in {OthersMs} ms, derived in {DeriveMs} ms")]
    public static partial void SnapshotDerived(ILogger logger, int devices, double readMs, double othersMs, double deriveMs);

    [LoggerMessage(7202, LogLevel.Information, "Dashboard sign-in of {Name}")]
    public static partial void DashboardSignedIn(ILogger logger, string name);

    [LoggerMessage(7203, LogLevel.Warning, "Dashboard sign-in refused for {Name}: {Reason}")]
    public static partial void DashboardSignInRefused(ILogger logger, string name, string reason);

    [LoggerMessage(7204, LogLevel.Information, "Dashboard sign-out of {Name}")]
    public static partial void DashboardSignedOut(ILogger logger, string name);

    [LoggerMessage(7205, LogLevel.Information, "Enrolment code {CodeId} created from the dashboard by {Name}")]
    public static partial void DashboardEnrolmentCreated(ILogger logger, string codeId, string name);

    [LoggerMessage(7206, LogLevel.Warning, "Dead letters replayed from the dashboard by {Name}: {Count}")]
    public static partial void DashboardReplayed(ILogger logger, string name, int count);

    [LoggerMessage(7207, LogLevel.Error, "Dashboard snapshot refresh failed; pages keep the previous one")]
    public static partial void SnapshotRefreshFailed(ILogger logger, Exception exception);
}
