namespace ScanPoint.FleetServer.Dashboard;

/// <summary>
/// One province, district or site on the overview: registered devices, the count in each state (the keys of
/// <see cref="Health.DeviceStates.All"/>), active in the window (count and ratio, rounded as <c>/api/provinces</c>
/// rounds it), trust bundles older than the threshold, clock-skew outliers and alerts held by its devices.
/// </summary>
public sealed record OverviewRow(
    string Key,
    string Name,
    int Registered,
    IReadOnlyDictionary<string, int> States,
    int ActiveInWindow,
    double ActiveRatio,
    int TrustStale,
    int ClockSkewed,
    int Alerts);
