using ScanPoint.FleetServer.Users;

namespace ScanPoint.FleetServer.Dashboard;

/// <summary>
/// The header's links, in order: a path, the <see cref="Text"/> key of its label, and the policy a user needs to see the
/// link. Add a page by adding a line here.
/// </summary>
public static class DashboardNav
{
    public sealed record Link(string Path, string TextKey, string Policy);

    public static readonly IReadOnlyList<Link> Links =
    [
        new("/", "nav.overview", FleetPolicies.View),
        new("/devices", "nav.devices", FleetPolicies.View),
        new("/map", "nav.map", FleetPolicies.View),
        new("/alerts", "nav.alerts", FleetPolicies.View),
        new("/relay", "nav.relay", FleetPolicies.View),
        new("/enrolment", "nav.enrolment", FleetPolicies.Enrol),
        new("/tracing", "nav.tracing", FleetPolicies.Trace),
        new("/exposures", "nav.exposures", FleetPolicies.Trace),
        new("/audit", "nav.audit", FleetPolicies.Audit),
    ];
}
