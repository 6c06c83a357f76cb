namespace ScanPoint.FleetServer;

/// <summary>The dashboard's log messages: event ids 7201-7249.</summary>
internal static partial class Log
{
    [LoggerMessage(7201, LogLevel.Debug, "Dashboard snapshot of {Devices} devices derived in {Milliseconds} ms")]
    public static partial void SnapshotDerived(ILogger logger, int devices, double milliseconds);

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
}
