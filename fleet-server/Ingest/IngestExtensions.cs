namespace ScanPoint.FleetServer.Ingest;

/// <summary>Registers the ingest queue, counters and worker.</summary>
internal static class IngestExtensions
{
    public static WebApplicationBuilder AddIngest(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<IngestOptions>().BindConfiguration(IngestOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<IngestQueue>();
        builder.Services.AddSingleton<IngestCounters>();
        builder.Services.AddHostedService<IngestWorker>();
        return builder;
    }
}
