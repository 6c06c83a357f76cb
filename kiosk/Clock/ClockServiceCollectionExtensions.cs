using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ScanPoint.Kiosk.Clock;

/// <summary>Registers clock safety: options, the last-known-good time, the guard the verifier asks, and the keeper.</summary>
internal static class ClockServiceCollectionExtensions
{
    public static IServiceCollection AddClockGuard(this IServiceCollection services)
    {
        services.AddOptions<ClockOptions>().BindConfiguration(ClockOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(sp => LastKnownGoodTime.Load(
            sp.GetRequiredService<IOptions<KioskOptions>>().Value.DataDir,
            sp.GetRequiredService<IOptions<ClockOptions>>().Value.ClockSaveInterval,
            sp.GetRequiredService<ILogger<LastKnownGoodTime>>()));
        services.AddSingleton<ClockGuard>();
        services.AddHostedService<ClockKeeper>();
        return services;
    }
}
