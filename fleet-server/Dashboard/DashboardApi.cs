using Microsoft.Extensions.Options;
using ScanPoint.FleetServer.Storage;
using ScanPoint.FleetServer.Users;

namespace ScanPoint.FleetServer.Dashboard;

/// <summary>
/// The JSON behind the dashboard's pages that no other endpoint gives: <c>GET /api/overview[?province=&amp;district=]</c>
/// (View: provinces, a province's districts, or a district's sites, as on <c>/</c>);
/// <c>GET /api/device-search[?province=&amp;district=&amp;site=&amp;state=&amp;q=&amp;page=]</c> (View: the filtered, paged device list of <c>/devices</c>); <c>GET /api/enrolment-codes</c>
/// (Enrol: codes with created/expires/used/by which device, newest first). All are limited to the user's province.
/// The relay's JSON (<c>/api/relay</c>, dead letters, replay) is in <c>Relay/RelayEndpoints</c>.
/// </summary>
internal static class DashboardApi
{
    public const int MaxDeadLetters = 500;

    public static WebApplication MapDashboardApi(this WebApplication app)
    {
        app.MapGet("/api/overview", async (string? province, string? district, HttpContext context, FleetSnapshots snapshots, CancellationToken cancellationToken) =>
        {
            if (district is not null && province is null && ProvinceScope.Of(context.User) is null)
            {
                return Results.BadRequest(new { error = "district needs a province" });
            }

            var snapshot = await snapshots.CurrentAsync(cancellationToken).ConfigureAwait(false);
            return OverviewQuery.For(context.User, snapshot, province, district) is { } overview ? Results.Ok(overview) : Results.Forbid();
        }).RequireAuthorization(FleetPolicies.View);

        app.MapGet("/api/device-search", async (string? province, string? district, string? site, string? state, string? q, int? page, HttpContext context, FleetSnapshots snapshots, IOptions<DashboardOptions> options, CancellationToken cancellationToken) =>
        {
            var own = ProvinceScope.Of(context.User);
            if (own is not null && province is not null && province != own)
            {
                return Results.Forbid();
            }

            var filter = new DeviceFilter(province, district, site, state, q, page ?? 1);
            if (filter.Error is { } error)
            {
                return Results.BadRequest(new { error });
            }

            var snapshot = await snapshots.CurrentAsync(cancellationToken).ConfigureAwait(false);
            return Results.Ok(filter.Apply(snapshot.In(own), options.Value.PageSize));
        }).RequireAuthorization(FleetPolicies.View);

        app.MapGet("/api/enrolment-codes", async (HttpContext context, IFleetStore store, TimeProvider time, CancellationToken cancellationToken) =>
            Results.Ok(await EnrolmentCodesAsync(context, store, time, cancellationToken).ConfigureAwait(false)))
            .RequireAuthorization(FleetPolicies.Enrol);

        return app;
    }

    /// <summary>The codes the user may see, newest first.</summary>
    public static async Task<IReadOnlyList<EnrolmentCodeView>> EnrolmentCodesAsync(HttpContext context, IFleetStore store, TimeProvider time, CancellationToken cancellationToken)
    {
        var own = ProvinceScope.Of(context.User);
        var now = time.GetUtcNow();
        var all = await store.ListEnrolmentsAsync(cancellationToken).ConfigureAwait(false);
        return [.. all.Where(r => own is null || r.Province == own).Select(r => EnrolmentCodeView.Of(r, now))];
    }

    /// <summary>The backlog (national: counts only) and the dead letters of the user's province, newest first.</summary>
    public static async Task<(RelayBacklog Backlog, IReadOnlyList<RelayDeadLetter> Letters)> RelayAsync(HttpContext context, IFleetStore store, CancellationToken cancellationToken)
    {
        var backlog = await store.GetRelayBacklogAsync(cancellationToken).ConfigureAwait(false);
        var letters = await store.DeadLettersAsync(MaxDeadLetters, ProvinceScope.Of(context.User), cancellationToken).ConfigureAwait(false);
        return (backlog, letters);
    }
}
