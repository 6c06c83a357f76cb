namespace ScanPoint.Contracts.Management;

/// <summary>
/// The fleet's desired configuration for one kiosk, retained on <c>…/cfg/desired</c>: the device's own settings merged
/// with its province's policy. The two versions move independently and only forward; a kiosk ignores a document older
/// than the one it applied. <see cref="Locked"/> names the keys the province policy sets: the kiosk does not let them be
/// changed locally except through a logged, rate-limited override.
/// </summary>
public sealed record ConfigDesired(
    int V,
    long DeviceVersion,
    long PolicyVersion,
    IReadOnlyDictionary<string, string> Settings,
    IReadOnlyList<string> Locked,
    DateTimeOffset IssuedAt)
{
    public const int SchemaVersion = 1;

    /// <summary>True when <paramref name="other"/> is not older than this in either version.</summary>
    public bool IsNotOlderThan(ConfigDesired other) => DeviceVersion >= other.DeviceVersion && PolicyVersion >= other.PolicyVersion;
}
