using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ScanPoint.Hardware.Scanning;
using ScanPoint.Kiosk.Clock;
using ScanPoint.Kiosk.Health;
using ScanPoint.Kiosk.Management;
using ScanPoint.Kiosk.Outbox;
using ScanPoint.Kiosk.Policy;
using ScanPoint.Kiosk.Provisioning;
using ScanPoint.Kiosk.Reporting;
using ScanPoint.Kiosk.Scanning;
using ScanPoint.Kiosk.Screen;
using ScanPoint.Kiosk.Signals;
using ScanPoint.Kiosk.Status;
using ScanPoint.Kiosk.Systemd;
using ScanPoint.Kiosk.Verification;

namespace ScanPoint.Kiosk;

/// <summary>Registers the kiosk's areas: options, identity, outbox, scanning, health, management, reporting, status.</summary>
public static class KioskServiceCollectionExtensions
{
    /// <summary>
    /// A kiosk that is not provisioned yet waits for an enrolment ticket on its scan sources first. False when it was
    /// stopped (SIGTERM, Ctrl-C) before it enrolled.
    /// </summary>
    public static async Task<bool> EnrolByScanIfNeededAsync(this IHost host)
    {
        ArgumentNullException.ThrowIfNull(host);
        var options = host.Services.GetRequiredService<IOptions<KioskOptions>>().Value;
        if (File.Exists(Path.Combine(options.DataDir, KioskIdentity.FileName)))
        {
            return true;
        }

        var logger = host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("ScanPoint.Kiosk.Provisioning");
        using var stop = new CancellationTokenSource();
        void Stop(System.Runtime.InteropServices.PosixSignalContext context)
        {
            context.Cancel = true;
            stop.Cancel();
        }

        using var onTerm = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGTERM, Stop);
        using var onInt = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGINT, Stop);
        await ScanEnrolment.EnrolAsync(options, host.Services.GetRequiredService<TimeProvider>(), logger, stop.Token).ConfigureAwait(false);
        return !stop.IsCancellationRequested;
    }

    public static IServiceCollection AddKiosk(this IServiceCollection services)
    {
        services.AddOptions<KioskOptions>().BindConfiguration(KioskOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<ScreenOptions>().BindConfiguration(ScreenOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<ReportingOptions>().BindConfiguration(ReportingOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(sp => KioskIdentity.Load(sp.GetRequiredService<IOptions<KioskOptions>>().Value.DataDir));
        services.AddOutbox();
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<VerdictFeed>();
        services.AddSingleton<ScreenStatusSource>();
        services.AddSingleton<ScreenServer>();
        services.AddHostedService(sp => sp.GetRequiredService<ScreenServer>());
        services.AddSingleton<ScanSourcesHealth>();
        services.AddSingleton<ServerClock>();
        services.AddClockGuard();
        services.AddSingleton<KioskTrust>();
        services.AddSingleton<CodeVerifier>();
        services.AddSingleton<TrustUpdater>();
        services.AddHostedService(sp => sp.GetRequiredService<TrustUpdater>());
        services.AddSingleton<HeartbeatSampler>();
        services.AddSingleton<IEnumerable<IScanSource>>(sp =>
        {
            var o = sp.GetRequiredService<IOptions<KioskOptions>>().Value;
            var outbox = sp.GetRequiredService<ICheckInOutbox>();
            var time = sp.GetRequiredService<TimeProvider>();
            return o.ScanSources.Select(spec => ScanSourceFactory.Create(spec, outbox, time, o.MaxScanLength)).ToList();
        });
        services.AddSingleton(sp => new AdmissionDesk(() => sp.GetRequiredService<KioskConfig>().Effective, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<VerdictOutputs>();
        services.AddHostedService<ScanWorker>();
        services.AddKioskManagement();
        services.AddHostedService<MqttReporter>();
        services.AddHostedService<CertificateRenewer>();
        services.AddHostedService<StatusSocket>();
        services.AddSignals();
        services.AddKioskSystemd();
        return services;
    }
}
