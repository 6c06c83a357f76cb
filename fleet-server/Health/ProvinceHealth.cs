namespace ScanPoint.FleetServer.Health;

/// <summary>
/// One province at a glance: registered devices, how many are in each state, and how many scanned within the active
/// window (the number that exposed 419 working points out of 5,677).
/// </summary>
public sealed record ProvinceHealth(string Province, int Registered, int ActiveInWindow, double ActiveRatio, IReadOnlyDictionary<string, int> States)
{
    public static IReadOnlyList<ProvinceHealth> Summarise(IEnumerable<DeviceHealth> devices) =>
        [.. devices.GroupBy(d => d.Province, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g =>
            {
                var list = g.ToList();
                var active = list.Count(d => d.ActiveInWindow);
                var states = DeviceStates.All.ToDictionary(s => s, s => list.Count(d => d.State == s), StringComparer.Ordinal);
                return new ProvinceHealth(g.Key, list.Count, active, list.Count == 0 ? 0 : Math.Round((double)active / list.Count, 4), states);
            })];
}
