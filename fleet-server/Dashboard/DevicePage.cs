namespace ScanPoint.FleetServer.Dashboard;

/// <summary>One page of a filtered device list: how many match, which page of how many, and its devices.</summary>
public sealed record DevicePage(int Matching, int Page, int Pages, IReadOnlyList<DashboardDevice> Devices);
