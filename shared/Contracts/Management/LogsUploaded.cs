namespace ScanPoint.Contracts.Management;

/// <summary>
/// The kiosk's recent log lines, on <c>…/logs</c>, in answer to an <c>upload-logs</c> command. The kiosk logs nothing
/// personal, so the lines can leave the device as they are.
/// </summary>
public sealed record LogsUploaded(int V, string CommandId, IReadOnlyList<string> Lines, DateTimeOffset At)
{
    public const int SchemaVersion = 1;
    public const int MaxLines = 2000;
}
