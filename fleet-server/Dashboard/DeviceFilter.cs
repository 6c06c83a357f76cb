namespace ScanPoint.FleetServer.Dashboard;

/// <summary>
/// The device list's filters (all optional): province, district, site, state, and a text that the device id must
/// contain (case-insensitive, at most <see cref="MaxSearch"/> characters); pages are numbered from 1.
/// </summary>
public sealed record DeviceFilter(string? Province, string? District, string? Site, string? State, string? Search, int Page)
{
    public const int MaxSearch = 64;

    /// <summary>Why the filter is unusable, or null.</summary>
    public string? Error =>
        Search?.Length > MaxSearch ? $"search: at most {MaxSearch} characters"
        : State is not null && !Health.DeviceStates.All.Contains(State) ? "state: one of " + string.Join(", ", Health.DeviceStates.All)
        : Page < 1 ? "page: 1 or more"
        : null;

    /// <summary>One page of the matching devices in id order, and how many match.</summary>
    public DevicePage Apply(IEnumerable<DashboardDevice> devices, int pageSize)
    {
        ArgumentNullException.ThrowIfNull(devices);
        var matching = devices.Where(d =>
            (Province is null || d.Health.Province == Province)
            && (District is null || d.District == District)
            && (Site is null || d.Health.SiteId == Site)
            && (State is null || d.Health.State == State)
            && (string.IsNullOrEmpty(Search) || d.Health.DeviceId.Contains(Search, StringComparison.OrdinalIgnoreCase)))
            .ToList();
        var pages = Math.Max(1, (matching.Count + pageSize - 1) / pageSize);
        var page = Math.Min(Page, pages);
        return new DevicePage(matching.Count, page, pages, [.. matching.Skip((page - 1) * pageSize).Take(pageSize)]);
    }
}
