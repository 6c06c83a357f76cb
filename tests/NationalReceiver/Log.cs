namespace ScanPoint.NationalReceiver;

/// <summary>Every log message of the reference receiver. Event ids: 1xxx intake.</summary>
internal static partial class Log
{
    [LoggerMessage(1001, LogLevel.Information, "Reference receiver listening on http://{Address}:{Port}, holding {Held} check-ins in {Path}")]
    public static partial void Listening(ILogger logger, string address, int port, long held, string path);

    [LoggerMessage(1002, LogLevel.Debug, "Batch {BatchId}: {Accepted} accepted, {Duplicates} duplicates, {Rejected} rejected (fault: {Fault})")]
    public static partial void BatchStored(ILogger logger, string batchId, int accepted, int duplicates, int rejected, string fault);

    [LoggerMessage(1003, LogLevel.Information, "Faults now: fail {FailPercent}%, slow {SlowPercent}% ({SlowDelay}), refuse connections {Refuse}")]
    public static partial void FaultsSet(ILogger logger, int failPercent, int slowPercent, TimeSpan slowDelay, bool refuse);
}
