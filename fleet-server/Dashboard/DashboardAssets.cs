namespace ScanPoint.FleetServer.Dashboard;

/// <summary>
/// The dashboard's stylesheet, embedded in the assembly (no CDN, no wwwroot to deploy) and served anonymously at
/// <see cref="Stylesheet"/> (the sign-in page needs it too).
/// </summary>
internal static class DashboardAssets
{
    public const string Prefix = "/dashboard-assets";
    public const string Stylesheet = Prefix + "/dashboard.css";

    private static readonly Lazy<byte[]> Css = new(() =>
    {
        using var stream = typeof(DashboardAssets).Assembly.GetManifestResourceStream("ScanPoint.FleetServer.Dashboard.dashboard.css")
            ?? throw new InvalidOperationException("the embedded dashboard.css is missing");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    });

    public static WebApplication MapDashboardAssets(this WebApplication app)
    {
        app.MapGet(Stylesheet, (HttpContext context) =>
        {
            context.Response.Headers.CacheControl = "public, max-age=3600";
            return Results.Bytes(Css.Value, "text/css; charset=utf-8");
        }).AllowAnonymous();
        return app;
    }
}
