namespace ScanPoint.Contracts.Management;

/// <summary>
/// What a kiosk runs with, on <c>…/cfg/reported</c> after every change and at each connect: the desired versions it
/// applied, its effective settings, the desired settings it refused (and why), and its local overrides. The fleet shows
/// the difference from the desired document as drift.
/// </summary>
public sealed record ConfigReported(
    int V,
    long DeviceVersion,
    long PolicyVersion,
    IReadOnlyDictionary<string, string> Effective,
    IReadOnlyList<ConfigRejection> Rejected,
    IReadOnlyDictionary<string, string> LocalOverrides,
    DateTimeOffset At)
{
    public const int SchemaVersion = 1;
}

/// <summary>A desired setting the kiosk did not apply.</summary>
public sealed record ConfigRejection(string Key, string Reason);
