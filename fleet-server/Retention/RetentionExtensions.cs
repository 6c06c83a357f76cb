namespace ScanPoint.FleetServer.Retention;

/// <summary>Registers retention: its options, its status and the worker.</summary>
internal static class RetentionExtensions
{
    public static WebApplicationBuilder AddRetention(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<RetentionOptions>().BindConfiguration(RetentionOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<RetentionStatus>();
        builder.Services.AddHostedService<RetentionWorker>();
        return builder;
    }
}
