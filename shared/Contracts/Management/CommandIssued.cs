namespace ScanPoint.Contracts.Management;

/// <summary>
/// A command for one kiosk on <c>…/cmd</c> (QoS 1). The kiosk runs it at most once (by <see cref="Id"/>), refuses it
/// as <c>expired</c> after <see cref="ExpiresAt"/> by the fleet's clock, and answers with <see cref="CommandCompleted"/>.
/// </summary>
public sealed record CommandIssued(int V, string Id, string Name, DateTimeOffset IssuedAt, DateTimeOffset ExpiresAt)
{
    public const int SchemaVersion = 1;
    public const string Reboot = "reboot";
    public const string RefreshTrust = "refresh-trust";
    public const string UploadLogs = "upload-logs";
    public const string SelfTest = "self-test";

    public static readonly IReadOnlyList<string> Names = [Reboot, RefreshTrust, UploadLogs, SelfTest];
}
