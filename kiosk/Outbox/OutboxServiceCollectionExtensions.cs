using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ScanPoint.Kiosk.Provisioning;

namespace ScanPoint.Kiosk.Outbox;

/// <summary>Registers the outbox (LiteDB in the data directory, subjects sealed with <c>outbox.key</c>) and its retention purge.</summary>
internal static class OutboxServiceCollectionExtensions
{
    public static IServiceCollection AddOutbox(this IServiceCollection services)
    {
        services.AddOptions<RetentionOptions>().BindConfiguration(RetentionOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(sp => OutboxCipher.ForDataDir(sp.GetRequiredService<IOptions<KioskOptions>>().Value.DataDir));
        services.AddSingleton<ICheckInOutbox>(sp =>
        {
            var identity = sp.GetRequiredService<KioskIdentity>();
            var storage = new FileOutboxStorage(sp.GetRequiredService<IOptions<KioskOptions>>().Value.DataDir);
            return new LiteDbCheckInOutbox(
                storage, identity.DeviceId, identity.SiteId, sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<LiteDbCheckInOutbox>>(),
                sp.GetRequiredService<OutboxCipher>());
        });
        services.AddHostedService<OutboxRetentionWorker>();
        return services;
    }
}
