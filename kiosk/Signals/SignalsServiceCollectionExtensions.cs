using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ScanPoint.Hardware.Signals;

namespace ScanPoint.Kiosk.Signals;

/// <summary>Registers the door signals from the <c>Signals</c> section: <see cref="IAccessSignals"/> and <see cref="VerdictSignals"/>.</summary>
public static class SignalsServiceCollectionExtensions
{
    public static IServiceCollection AddSignals(this IServiceCollection services)
    {
        services.AddOptions<SignalsOptions>().BindConfiguration(SignalsOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(sp => AccessSignalsFactory.Create(sp.GetRequiredService<IOptions<SignalsOptions>>().Value, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<VerdictSignals>();
        return services;
    }
}
