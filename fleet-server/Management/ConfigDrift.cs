using ScanPoint.Contracts.Management;

namespace ScanPoint.FleetServer.Management;

/// <summary>One setting where what a device runs with differs from what the fleet wants (null = absent).</summary>
public sealed record ConfigDifference(string Key, string? Desired, string? Effective, string Why);

/// <summary>A device's config twin as operators see it: desired, reported, and the drift between them.</summary>
public sealed record ConfigTwin(string DeviceId, ConfigDesired? Desired, ConfigReported? Reported, DateTimeOffset? ReportedAt, bool InSync, IReadOnlyList<ConfigDifference> Drift)
{
    /// <summary>
    /// Drift: desired versions not yet applied, desired settings refused or overridden locally, and effective values that
    /// differ from the desired ones.
    /// </summary>
    public static ConfigTwin Compare(string deviceId, ConfigDesired? desired, ConfigReported? reported, DateTimeOffset? reportedAt)
    {
        var drift = new List<ConfigDifference>();
        if (desired is not null)
        {
            if (reported is null || reported.DeviceVersion < desired.DeviceVersion || reported.PolicyVersion < desired.PolicyVersion)
            {
                drift.Add(new ConfigDifference("(version)", $"{desired.DeviceVersion}/{desired.PolicyVersion}", reported is null ? null : $"{reported.DeviceVersion}/{reported.PolicyVersion}", "not applied yet"));
            }

            foreach (var (key, value) in desired.Settings.OrderBy(kv => kv.Key, StringComparer.Ordinal))
            {
                var effective = reported?.Effective.GetValueOrDefault(key);
                if (reported is not null && effective != value)
                {
                    var why = reported.Rejected.FirstOrDefault(r => r.Key == key)?.Reason
                        ?? (reported.LocalOverrides.ContainsKey(key) ? "overridden on the device" : "differs");
                    drift.Add(new ConfigDifference(key, value, effective, why));
                }
            }
        }

        return new ConfigTwin(deviceId, desired, reported, reportedAt, drift.Count == 0, drift);
    }
}
