using ScanPoint.FleetServer.Relay;

namespace ScanPoint.FleetServer;

/// <summary>Relay log messages added after 7001–7008 (ids 7009–7099).</summary>
internal static partial class Log
{
    [LoggerMessage(7009, LogLevel.Warning, "Relay circuit {From} -> {To} after {Failures} consecutive failed requests (open for {OpenFor})")]
    public static partial void RelayCircuitMoved(ILogger logger, CircuitState from, CircuitState to, int failures, TimeSpan openFor);

    [LoggerMessage(7010, LogLevel.Error, "Batch {BatchId}: {Count} check-ins failed {MaxAttempts} times and moved to dead letters (last: {Reason})")]
    public static partial void RelayAttemptsExhausted(ILogger logger, string batchId, int count, int maxAttempts, string reason);

    [LoggerMessage(7011, LogLevel.Information, "Relay dead letters replayed by {User}: {Count} back in the outbox (province {Province})")]
    public static partial void RelayDeadLettersReplayed(ILogger logger, string user, int count, string province);

    [LoggerMessage(7012, LogLevel.Information, "Relay authenticates with the client certificate {Subject} ({Thumbprint}), expires {NotAfter}")]
    public static partial void RelayClientCertificate(ILogger logger, string subject, string thumbprint, DateTime notAfter);

    [LoggerMessage(7013, LogLevel.Information, "Relay trusts only the backend's CA {Subject} ({Thumbprint})")]
    public static partial void RelayPinnedCa(ILogger logger, string subject, string thumbprint);

    [LoggerMessage(7014, LogLevel.Warning, "Relay refused the backend's certificate: {Errors} {Status}")]
    public static partial void RelayBackendCertificateRefused(ILogger logger, string errors, string status);
}
