namespace ScanPoint.FleetServer.Trust;

/// <summary>Trust distribution: the publisher and <c>GET /api/trust/bundle</c> (on the HTTPS and the plain HTTP endpoint).</summary>
internal static class TrustExtensions
{
    public static WebApplicationBuilder AddTrust(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<TrustOptions>().BindConfiguration(TrustOptions.SectionName).ValidateDataAnnotations()
            .Validate(o => o.Anchor is not { Length: > 0 } anchor || File.Exists(anchor), "Trust:Anchor names no file")
            .ValidateOnStart();
        builder.Services.AddSingleton<CurrentTrustBundle>();
        builder.Services.AddHostedService<TrustPublisher>();
        return builder;
    }

    public static WebApplication MapTrust(this WebApplication app)
    {
        // Public on both endpoints: the content is authenticated by the anchor's signature, not by the transport.
        app.MapGet("/api/trust/bundle", (HttpContext http, CurrentTrustBundle current) =>
        {
            if (current.File is not { } file)
            {
                return Results.NotFound();
            }

            var etag = $"\"{file.Sha256}\"";
            http.Response.Headers.ETag = etag;
            http.Response.Headers.CacheControl = "no-cache";
            var matches = http.Request.Headers.IfNoneMatch.SelectMany(v => (v ?? "").Split(',')).Select(t => t.Trim())
                .Any(t => t == "*" || t == etag || t == "W/" + etag);
            return matches ? Results.StatusCode(StatusCodes.Status304NotModified) : Results.Bytes(file.Bytes, "application/cose");
        }).AllowAnonymous().WithName("TrustBundle").WithSummary("Device-facing, anonymous (the anchor's signature authenticates it): the current trust bundle")
            .Produces(StatusCodes.Status200OK, contentType: "application/cose").Produces(StatusCodes.Status304NotModified).Produces(StatusCodes.Status404NotFound);
        return app;
    }
}
