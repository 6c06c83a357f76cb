namespace ScanPoint.FleetServer.Tracing;

/// <summary>Registers tracing (options, audit writer) and maps its endpoints and the audit log's.</summary>
internal static class TracingExtensions
{
    public static WebApplicationBuilder AddTracing(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<TracingOptions>().BindConfiguration(TracingOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<TracingAudit>();
        builder.Services.AddSingleton<TracingQueries>();
        return builder;
    }

    public static WebApplication MapTracing(this WebApplication app)
    {
        TracingQueryEndpoints.Map(app);
        ExposureEndpoints.Map(app);
        AuditEndpoint.Map(app);
        return app;
    }
}
