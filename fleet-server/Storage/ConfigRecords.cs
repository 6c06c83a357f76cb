using ScanPoint.Contracts.Management;

namespace ScanPoint.FleetServer.Storage;

/// <summary>A versioned set of settings (a device's own, or a province's policy); version 0 = none yet.</summary>
public sealed record VersionedSettings(long Version, IReadOnlyDictionary<string, string> Settings)
{
    public static readonly VersionedSettings None = new(0, new Dictionary<string, string>());
}

/// <summary>What the fleet wants a device to run with: its own settings and its province's policy.</summary>
public sealed record DesiredConfigRow(string DeviceId, string Province, VersionedSettings Device, VersionedSettings Policy)
{
    /// <summary>The device's settings overlaid by the province policy, whose keys are locked on the device.</summary>
    public ConfigDesired ToDesired(DateTimeOffset issuedAt)
    {
        var merged = new Dictionary<string, string>(Device.Settings, StringComparer.Ordinal);
        foreach (var (key, value) in Policy.Settings)
        {
            merged[key] = value;
        }

        return new ConfigDesired(ConfigDesired.SchemaVersion, Device.Version, Policy.Version, merged, [.. Policy.Settings.Keys.Order(StringComparer.Ordinal)], issuedAt);
    }
}

/// <summary>A device's last reported configuration and when it arrived.</summary>
public sealed record ReportedConfigRow(ConfigReported Reported, DateTimeOffset ReceivedAt);

/// <summary>A command for a device and where it stands (<c>pending</c>, <c>sent</c>, or the kiosk's answer).</summary>
public sealed record CommandRecord(
    string Id,
    string DeviceId,
    string Province,
    string Name,
    DateTimeOffset CreatedAt,
    DateTimeOffset ExpiresAt,
    string State,
    DateTimeOffset? SentAt,
    DateTimeOffset? CompletedAt,
    string? Detail,
    bool HasLogs)
{
    public const string Pending = "pending";
    public const string Sent = "sent";
}

/// <summary>An alert a device raised or cleared.</summary>
public sealed record AlertRecord(string DeviceId, long Seq, string Kind, string State, string Detail, DateTimeOffset At, DateTimeOffset ReceivedAt);
