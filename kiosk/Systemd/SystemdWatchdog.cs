using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ScanPoint.Kiosk.Outbox;

namespace ScanPoint.Kiosk.Systemd;

/// <summary>
/// The kiosk's side of <c>Type=notify</c> with <c>WatchdogSec=</c>, through <see cref="SdNotifier"/>: <c>READY=1</c>
/// once the host has started (every hosted service started: outbox open, scan sources reading), <c>STOPPING=1</c> on
/// shutdown, <c>STATUS=</c> lines, and, when systemd set <c>WATCHDOG_USEC</c>, <c>WATCHDOG=1</c> every half of that
/// interval — but only while no main-worker operation is stuck (<see cref="WorkerProgress"/>), so systemd kills and
/// restarts a kiosk whose scan path hangs.
/// </summary>
internal sealed class SystemdWatchdog(
    SdNotifier notifier,
    WorkerProgress progress,
    ICheckInOutbox outbox,
    IHostApplicationLifetime lifetime,
    IOptions<SystemdOptions> options,
    IConfiguration configuration,
    TimeProvider time,
    ILogger<SystemdWatchdog> logger) : BackgroundService
{
    private bool _stuckReported;
    private bool _sendFailed;

    /// <summary>Half of <c>WATCHDOG_USEC</c>, or null when there is no watchdog for this process.</summary>
    public static TimeSpan? IntervalFrom(string? watchdogUsec, string? watchdogPid, int processId)
    {
        if (!long.TryParse(watchdogUsec, NumberStyles.None, CultureInfo.InvariantCulture, out var usec) || usec <= 0)
        {
            return null;
        }

        if (!string.IsNullOrEmpty(watchdogPid)
            && (!int.TryParse(watchdogPid, NumberStyles.None, CultureInfo.InvariantCulture, out var pid) || pid != processId))
        {
            return null; // meant for another process (a parent that passed its environment on)
        }

        return TimeSpan.FromMicroseconds(usec / 2);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!notifier.IsEnabled)
        {
            return;
        }

        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        using (stoppingToken.Register(() => started.TrySetCanceled(stoppingToken)))
        {
            try
            {
                await started.Task.ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }

        using var stopping = lifetime.ApplicationStopping.Register(() => Send("STOPPING=1\nSTATUS=Stopping"));
        Send($"READY=1\nSTATUS=Ready: {outbox.GetStatus().Pending} check-ins pending");
        var interval = IntervalFrom(configuration["WATCHDOG_USEC"], configuration["WATCHDOG_PID"], Environment.ProcessId);
        try
        {
            if (interval is not { } every)
            {
                await Task.Delay(Timeout.InfiniteTimeSpan, time, stoppingToken).ConfigureAwait(false); // keeps STOPPING=1 registered
                return;
            }

            Log.WatchdogStarted(logger, every);
            using var timer = new PeriodicTimer(every, time); // before the first pet: ticks count from here
            Pet();
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                Pet();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private void Pet()
    {
        if (progress.Stuck(options.Value.StuckAfter) is { } stuck)
        {
            if (!_stuckReported)
            {
                _stuckReported = true;
                Log.WatchdogWithheld(logger, stuck.Worker, stuck.For);
            }

            Send(string.Create(CultureInfo.InvariantCulture, $"STATUS=Stuck: {stuck.Worker} busy for {stuck.For.TotalSeconds:0} s; watchdog withheld"));
            return;
        }

        _stuckReported = false;
        Send($"WATCHDOG=1\nSTATUS=Scanning: {progress.Completed} scans handled, {outbox.GetStatus().Pending} check-ins pending");
    }

    private void Send(string state)
    {
        try
        {
            notifier.Notify(state);
            _sendFailed = false;
        }
        catch (Exception ex)
        {
            if (!_sendFailed)
            {
                _sendFailed = true;
                Log.NotifyFailed(logger, ex.Message);
            }
        }
    }
}
