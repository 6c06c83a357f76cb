using Microsoft.Extensions.DependencyInjection;

namespace ScanPoint.Kiosk.Systemd;

/// <summary>
/// Registers the systemd integration: the <c>NOTIFY_SOCKET</c> notifier, <see cref="WorkerProgress"/> and
/// <see cref="SystemdWatchdog"/>. (Microsoft.Extensions.Hosting.Systemd is served only as 10.0.14, which needs
/// Microsoft.Extensions.Hosting 10.0.14 while the solution pins 10.0.0; <see cref="SdNotifier"/> is the small
/// replacement.)
/// </summary>
public static class SystemdServiceCollectionExtensions
{
    public static IServiceCollection AddKioskSystemd(this IServiceCollection services)
    {
        services.AddSingleton(_ => SdNotifier.FromEnvironment());
        services.AddOptions<SystemdOptions>().BindConfiguration(SystemdOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<WorkerProgress>();
        services.AddHostedService<SystemdWatchdog>();
        return services;
    }
}
