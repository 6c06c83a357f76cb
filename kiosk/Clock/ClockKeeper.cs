using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ScanPoint.Kiosk.Clock;

/// <summary>
/// Saves the clock as the last-known-good time at start, every <see cref="ClockOptions.ClockSaveInterval"/> and at
/// stop — only while <see cref="ClockGuard"/> trusts it, so a clock that went back never overwrites a good time.
/// </summary>
internal sealed class ClockKeeper(
    ClockGuard guard, LastKnownGoodTime lastKnownGood, IOptions<ClockOptions> options, TimeProvider time, ILogger<ClockKeeper> logger)
    : BackgroundService
{
    private ClockStatus _reported = ClockStatus.Trusted;

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
        Tick();
    }

    /// <summary>One save if the clock is trusted; logs when the clock's standing changes.</summary>
    internal void Tick()
    {
        var status = guard.Check();
        if (status != _reported)
        {
            _reported = status;
            if (status == ClockStatus.Trusted)
            {
                Log.ClockTrustedAgain(logger);
            }
            else
            {
                Log.ClockRefused(logger, status, lastKnownGood.Value);
            }
        }

        if (status == ClockStatus.Trusted)
        {
            lastKnownGood.Advance(time.GetUtcNow());
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            Tick();
            try
            {
                await Task.Delay(options.Value.ClockSaveInterval, time, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
