using System.Globalization;

namespace ScanPoint.Kiosk.Policy;

/// <summary>
/// What a kiosk requires, per mode, from its settings (the province policy is locked on the device). <see cref="Require"/>
/// is an AND of OR-groups of <see cref="EvidenceKinds"/>: <c>policy.checkpoint.require = movement,vaccination|test|recovery</c>
/// means a movement declaration and one of the three. Defaults: at a venue any one of them; at a checkpoint a movement
/// declaration and a vaccination, test or recovery; vaccination complete for ≥ 14 days, a test ≤ 72 h old, a recovery ≤
/// 180 days, a declaration issued ≤ 72 h ago; codes of one traveller combine within 60 s; the same code within 30 s is one
/// check-in. <see cref="Direction"/> (<c>policy.venue.direction</c>, <c>policy.checkpoint.direction</c>): a venue kiosk
/// set to <c>out</c> checks guests out; a checkpoint records crossings in that direction.
/// </summary>
public sealed record AdmissionPolicy(
    string Mode,
    IReadOnlyList<IReadOnlyList<string>> Require,
    TimeSpan VaccinationMinAge,
    TimeSpan TestMaxAge,
    TimeSpan RecoveryMaxAge,
    TimeSpan DeclarationMaxAge,
    string? Route,
    TimeSpan CombineWindow,
    TimeSpan DuplicateWindow,
    string Direction = "in")
{
    public const string Venue = "venue";
    public const string Checkpoint = "checkpoint";

    public static AdmissionPolicy Default(string mode = Venue) => From(new Dictionary<string, string> { ["mode"] = mode });

    /// <summary>The policy of these settings; a malformed value keeps its default (the config twin reports it refused).</summary>
    public static AdmissionPolicy From(IReadOnlyDictionary<string, string> settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var mode = settings.GetValueOrDefault("mode") == Checkpoint ? Checkpoint : Venue;
        var require = ParseRequire(settings.GetValueOrDefault($"policy.{mode}.require"))
            ?? (mode == Venue ? [EvidenceKinds.Requirable] : [[EvidenceKinds.Movement], [EvidenceKinds.Vaccination, EvidenceKinds.Test, EvidenceKinds.Recovery]]);
        return new AdmissionPolicy(
            mode,
            require,
            TimeSpan.FromDays(Number(settings, "policy.vaccination.minDays", 14)),
            TimeSpan.FromHours(Number(settings, "policy.test.maxHours", 72)),
            TimeSpan.FromDays(Number(settings, "policy.recovery.maxDays", 180)),
            TimeSpan.FromHours(Number(settings, "policy.declaration.maxHours", 72)),
            settings.GetValueOrDefault("policy.checkpoint.route") is { Length: > 0 } route ? route : null,
            TimeSpan.FromSeconds(Number(settings, "policy.combineSeconds", 60)),
            TimeSpan.FromSeconds(Number(settings, "policy.duplicateSeconds", 30)),
            settings.GetValueOrDefault($"policy.{mode}.direction") == "out" ? "out" : "in");
    }

    /// <summary>Null when <paramref name="text"/> is empty or names a kind that cannot be required.</summary>
    public static IReadOnlyList<IReadOnlyList<string>>? ParseRequire(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var groups = text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(g => (IReadOnlyList<string>)g.Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            .ToList();
        return groups.Count > 0 && groups.All(g => g.Count > 0 && g.All(EvidenceKinds.Requirable.Contains)) ? groups : null;
    }

    private static int Number(IReadOnlyDictionary<string, string> settings, string key, int fallback) =>
        int.TryParse(settings.GetValueOrDefault(key), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is > 0 and <= 100_000 ? n : fallback;
}
