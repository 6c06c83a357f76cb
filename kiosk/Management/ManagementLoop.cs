using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ScanPoint.Kiosk.Health;
using ScanPoint.Kiosk.Reporting;
using ScanPoint.Kiosk.Scanning;
using ScanPoint.Kiosk.Verification;

namespace ScanPoint.Kiosk.Management;

/// <summary>
/// Every <see cref="KioskOptions.ManagementPoll"/>, online or not: picks up a changed <c>config-local.json</c> (and has
/// it reported), and evaluates the alert conditions on a fresh heartbeat reading and the last technician self-test.
/// </summary>
internal sealed class ManagementLoop(
    KioskConfig config,
    ManagementChannel channel,
    AlertMonitor monitor,
    HeartbeatSampler sampler,
    KioskTrust trust,
    ScanSourcesHealth scanning,
    OutboxSignal signal,
    IOptions<KioskOptions> options,
    TimeProvider time,
    ILogger<ManagementLoop> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (config.ReloadLocalIfChanged())
                {
                    Log.LocalConfigChanged(logger, config.Reported().LocalOverrides.Count);
                    channel.ReportDue();
                }

                var now = time.GetUtcNow();
                var active = AlertConditions.Evaluate(sampler.Current(), trust.Bundle?.IsDscStale(now) == true, scanning.Snapshot(), config, LastSelftest.Load(options.Value.DataDir));
                if (monitor.Observe(active, config.Duration(ConfigCatalog.RaiseAfter), config.Duration(ConfigCatalog.ClearAfter)) > 0)
                {
                    signal.Notify();
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or System.Text.Json.JsonException)
            {
                Log.ManagementFailed(logger, ex.Message);
            }

            await Task.Delay(options.Value.ManagementPoll, time, stoppingToken).ConfigureAwait(false);
        }
    }
}
