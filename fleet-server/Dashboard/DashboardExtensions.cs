using Microsoft.AspNetCore.Mvc.ApplicationParts;
using ScanPoint.FleetServer.Sites;

namespace ScanPoint.FleetServer.Dashboard;

/// <summary>
/// The operators' web dashboard: Razor Pages under <c>Dashboard/Pages</c> (server-rendered, no script), its JSON
/// (<see cref="DashboardApi"/>), the site registry API, the embedded stylesheet and the security headers.
/// </summary>
internal static class DashboardExtensions
{
    public static WebApplicationBuilder AddDashboard(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<DashboardOptions>().BindConfiguration(DashboardOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<FleetSnapshots>();
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddScoped(sp => new Text(Language.Of(sp.GetRequiredService<IHttpContextAccessor>().HttpContext!.Request)));
        var assembly = typeof(DashboardExtensions).Assembly;
        builder.Services.AddRazorPages(o => o.RootDirectory = "/Dashboard/Pages")
            .ConfigureApplicationPartManager(m =>
            {
                // Hosted by another entry assembly (tests, benchmarks), the pages are not found unless named.
                if (!m.ApplicationParts.OfType<AssemblyPart>().Any(p => p.Assembly == assembly))
                {
                    foreach (var part in ApplicationPartFactory.GetApplicationPartFactory(assembly).GetApplicationParts(assembly))
                    {
                        m.ApplicationParts.Add(part);
                    }
                }
            });
        return builder;
    }

    /// <summary>Security headers for every response; call before anything that writes one.</summary>
    public static WebApplication UseSecurityHeaders(this WebApplication app)
    {
        app.UseMiddleware<SecurityHeaders>();
        return app;
    }

    public static WebApplication MapDashboard(this WebApplication app)
    {
        app.MapDashboardAssets();
        app.MapDashboardApi();
        app.MapSites();
        app.MapRazorPages();
        return app;
    }
}
