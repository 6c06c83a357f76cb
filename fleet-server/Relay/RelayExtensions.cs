
namespace ScanPoint.FleetServer.Relay;

/// <summary>Registers the relay to the national tracing backend; with <c>Relay:Url</c> empty only its (idle) counters.</summary>
internal static class RelayExtensions
{
    public static WebApplicationBuilder AddRelay(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<RelayOptions>().BindConfiguration(RelayOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        var enabled = builder.Configuration.GetSection(RelayOptions.SectionName).Get<RelayOptions>()?.Enabled ?? false;
        builder.Services.AddSingleton(new RelayCounters { Enabled = enabled });
        builder.Services.AddSingleton<RelayCircuit>();
        if (enabled)
        {
            builder.Services.AddSingleton<IntakeClient>();
            builder.Services.AddHostedService<RelayWorker>();
        }
        else
        {
            builder.Services.AddHostedService<RelayOffNotice>();
        }

        return builder;
    }

    /// <summary>Says once at start that the relay is off.</summary>
    private sealed class RelayOffNotice(ILogger<RelayOffNotice> logger) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            Log.RelayOff(logger);
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
