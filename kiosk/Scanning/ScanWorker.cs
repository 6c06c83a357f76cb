using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ScanPoint.Contracts.Devices;
using ScanPoint.Hardware.Scanning;
using ScanPoint.Kiosk.Outbox;
using ScanPoint.Kiosk.Reporting;
using ScanPoint.Kiosk.Signals;
using ScanPoint.Kiosk.Systemd;
using ScanPoint.Kiosk.Verification;

namespace ScanPoint.Kiosk.Scanning;

/// <summary>
/// Runs every scan source side by side: scan → recognise → record durably → wake the reporter. A failing source is
/// logged and restarted with backoff while the others go on. A replayable source whose scan could not be recorded
/// restarts from its last committed position, so nothing is skipped.
/// </summary>
internal sealed class ScanWorker(
    IEnumerable<IScanSource> sources,
    ScanSourcesHealth health,
    ICheckInOutbox outbox,
    OutboxSignal signal,
    CodeVerifier verifier,
    IOptions<KioskOptions> options,
    TimeProvider time,
    ILogger<ScanWorker> logger,
    VerdictSignals? verdictSignals = null,
    WorkerProgress? progress = null) : BackgroundService
{
    private static readonly TimeSpan MinRetry = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan MaxRetry = TimeSpan.FromSeconds(30);

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(sources.Select(s => RunSourceAsync(s, stoppingToken)));

    private async Task RunSourceAsync(IScanSource source, CancellationToken stoppingToken)
    {
        var delay = MinRetry;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                health.Running(source);
                await foreach (var scan in source.ReadAsync(stoppingToken).ConfigureAwait(false))
                {
                    health.Scanned(source);
                    using var busy = progress?.Busy(source.Name); // a scan that never finishes stops the watchdog
                    await HandleAsync(scan, stoppingToken).ConfigureAwait(false);
                    delay = MinRetry;
                }

                health.Ended(source);
                Log.ScanSourceEnded(logger, source.Name);
                return;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                health.Failed(source, ex);
                Log.ScanSourceFailed(logger, source.Name, delay, ex);
                await Task.Delay(delay, time, stoppingToken).ConfigureAwait(false);
                delay = TimeSpan.FromTicks(Math.Min(MaxRetry.Ticks, delay.Ticks * 2));
            }
        }
    }

    private async Task HandleAsync(ScanEvent scan, CancellationToken cancellationToken)
    {
        var max = options.Value.MaxScanLength;
        if (scan.Text.Length > max)
        {
            Log.ScanTooLong(logger, scan.Text.Length, max);
            return;
        }

        if (EnrolmentTicket.TryParse(scan.Text, out _))
        {
            Log.EnrolmentTicketIgnored(logger); // a technician's ticket is not a check-in
            return;
        }

        var format = FormatRecognizer.Recognize(scan.Text);
        var hash = PayloadHash.Of(scan.Text);
        try
        {
            var verdict = verifier.Verify(scan.Text, format);
            var recorded = await outbox.RecordAsync(new ScannedCode(scan.At, format, verdict, hash, scan.Cursor), cancellationToken).ConfigureAwait(false);
            Log.ScanRecorded(logger, recorded.Seq, format, recorded.Verdict, hash);
            signal.Notify();
            verdictSignals?.Show(recorded.Verdict);
        }
        catch (IOException ex)
        {
            Log.ScanNotRecorded(logger, format, hash, ex);
            verdictSignals?.ShowError();
            if (scan.Cursor is not null)
            {
                throw; // restart the replayable source from its committed position
            }
        }
    }
}
