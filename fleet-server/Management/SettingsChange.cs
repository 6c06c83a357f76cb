using ScanPoint.Contracts.Wire;

namespace ScanPoint.FleetServer.Management;

/// <summary>
/// The body of <c>POST /api/devices/{id}/config</c> and <c>POST /api/provinces/{province}/policy</c>: keys to set and
/// keys to remove (the same rules as the CLI's <c>--set</c>/<c>--unset</c>).
/// </summary>
public sealed record SettingsChange(IReadOnlyDictionary<string, string>? Set, IReadOnlyList<string>? Unset)
{
    /// <summary>Why the change is refused, or null when it is well formed.</summary>
    public string? Problem()
    {
        if ((Set?.Count ?? 0) + (Unset?.Count ?? 0) == 0)
        {
            return "nothing to change: give set {\"key\": \"value\"} and/or unset [\"key\"]";
        }

        if ((Set?.Count ?? 0) > ManagementValidation.MaxSettings || (Unset?.Count ?? 0) > ManagementValidation.MaxSettings)
        {
            return $"at most {ManagementValidation.MaxSettings} keys to set and {ManagementValidation.MaxSettings} to unset";
        }

        foreach (var (key, value) in Set ?? new Dictionary<string, string>())
        {
            if (!ManagementValidation.IsKey(key) || value is null || value.Length > ManagementValidation.MaxValueLength)
            {
                return $"'{Clip(key)}': a key is a lower-case letter, then letters, digits, '.', '-' (at most {ManagementValidation.MaxKeyLength}); a value is a string of at most {ManagementValidation.MaxValueLength} characters";
            }
        }

        return Unset?.FirstOrDefault(k => !ManagementValidation.IsKey(k)) is { } bad ? $"'{Clip(bad)}' is not a setting key" : null;
    }

    /// <summary><paramref name="current"/> with this change applied.</summary>
    public Dictionary<string, string> ApplyTo(IReadOnlyDictionary<string, string> current)
    {
        ArgumentNullException.ThrowIfNull(current);
        var next = new Dictionary<string, string>(current, StringComparer.Ordinal);
        foreach (var key in Unset ?? [])
        {
            next.Remove(key);
        }

        foreach (var (key, value) in Set ?? new Dictionary<string, string>())
        {
            next[key] = value;
        }

        return next;
    }

    private static string Clip(string? text) => text is null ? "" : text.Length > 64 ? text[..64] + "…" : text;
}
