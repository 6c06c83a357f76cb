using ScanPoint.FleetServer.Storage;
using ScanPoint.FleetServer.Users;

namespace ScanPoint.FleetServer.Sites;

/// <summary><c>GET /api/sites[?province=]</c>: the site registry (policy View); a province-limited user gets only theirs.</summary>
internal static class SitesEndpoint
{
    public static WebApplication MapSites(this WebApplication app)
    {
        app.MapGet("/api/sites", async (string? province, HttpContext context, IFleetStore store, CancellationToken cancellationToken) =>
        {
            var own = ProvinceScope.Of(context.User);
            if (own is not null && province is not null && province != own)
            {
                return Results.Forbid();
            }

            return Results.Ok(await store.Sites.ListAsync(own ?? province, cancellationToken).ConfigureAwait(false));
        }).RequireAuthorization(FleetPolicies.View);
        return app;
    }
}
