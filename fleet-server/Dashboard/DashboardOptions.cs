namespace ScanPoint.FleetServer.Dashboard;

/// <summary>The <c>Dashboard</c> section.</summary>
public sealed class DashboardOptions
{
    public const string SectionName = "Dashboard";

    /// <summary>
    /// How long one derivation of every device's state is reused as is by the pages and <c>/api/overview</c> (0: derive
    /// on every request, which tests use). 100,000 devices take from 0.5 to a few seconds to derive.
    /// </summary>
    public TimeSpan SnapshotMaxAge { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Up to this age a derivation older than <see cref="SnapshotMaxAge"/> is still served while a fresh one is derived
    /// in the background; older ones make the caller wait for a fresh one.
    /// </summary>
    public TimeSpan SnapshotMaxStale { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How many devices a page of <c>/devices</c> lists.</summary>
    [System.ComponentModel.DataAnnotations.Range(10, 1000)]
    public int PageSize { get; set; } = 50;
}
