namespace ScanPoint.FleetServer.Dashboard;

/// <summary>The <c>Dashboard</c> section.</summary>
public sealed class DashboardOptions
{
    public const string SectionName = "Dashboard";

    /// <summary>
    /// How long one derivation of every device's state is reused by the pages and <c>/api/overview</c> (0: derive on
    /// every request). 100,000 devices take a few hundred milliseconds to derive.
    /// </summary>
    public TimeSpan SnapshotMaxAge { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How many devices a page of <c>/devices</c> lists.</summary>
    [System.ComponentModel.DataAnnotations.Range(10, 1000)]
    public int PageSize { get; set; } = 50;
}
