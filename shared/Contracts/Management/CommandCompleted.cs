namespace ScanPoint.Contracts.Management;

/// <summary>
/// A kiosk's answer to a <see cref="CommandIssued"/> on <c>…/cmd/result</c>: <see cref="Status"/> is one of
/// <see cref="Succeeded"/>, <see cref="Failed"/>, <see cref="Expired"/>, <see cref="Unknown"/>; <see cref="Detail"/>
/// is a short text or a JSON document (a self-test's table). Nothing personal.
/// </summary>
public sealed record CommandCompleted(int V, string Id, string Name, string Status, string Detail, DateTimeOffset At)
{
    public const int SchemaVersion = 1;
    public const string Succeeded = "succeeded";
    public const string Failed = "failed";
    public const string Expired = "expired";
    public const string Unknown = "unknown";

    public static bool IsStatus(string? status) => status is Succeeded or Failed or Expired or Unknown;
}
