using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ScanPoint.Kiosk.Provisioning;

namespace ScanPoint.Kiosk.Management;

/// <summary>Registers device management: the config twin, commands, alerts, and the log ring buffer.</summary>
internal static class ManagementServiceCollectionExtensions
{
    public static IServiceCollection AddKioskManagement(this IServiceCollection services)
    {
        static string DataDir(IServiceProvider sp) => sp.GetRequiredService<IOptions<KioskOptions>>().Value.DataDir;

        services.AddSingleton(sp => new RecentLogs(sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<ILoggerProvider>(sp => sp.GetRequiredService<RecentLogs>());
        services.AddSingleton(sp => ManagementTopics.Of(sp.GetRequiredService<KioskIdentity>()));
        services.AddSingleton<KioskConfig>();
        services.AddSingleton<FleetLink>();
        services.AddSingleton(sp => new CommandJournal(DataDir(sp)));
        services.AddSingleton(sp => new AlertQueue(DataDir(sp)));
        services.AddSingleton<AlertMonitor>();
        services.AddSingleton<ISelfTest, KioskSelfTest>();
        services.AddSingleton<CommandHandlers>();
        services.AddSingleton<CommandRunner>();
        services.AddHostedService(sp => sp.GetRequiredService<CommandRunner>());
        services.AddSingleton<ManagementChannel>();
        services.AddHostedService<ManagementLoop>();
        return services;
    }
}
