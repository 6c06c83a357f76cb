using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ScanPoint.Contracts.Devices;
using ScanPoint.Hardware.Scanning;
using ScanPoint.Kiosk.Outbox;
using ScanPoint.Kiosk.Policy;
using ScanPoint.Kiosk.Reporting;
using ScanPoint.Kiosk.Systemd;
using ScanPoint.Kiosk.Verification;

namespace ScanPoint.Kiosk.Scanning;

/// <summary>
/// Runs every scan source side by side: scan → recognise → verify → the admission policy (<see cref="AdmissionDesk"/>)
/// → record durably → show the decision (screen, door signals) → wake the reporter. A decision is shown only after its
/// check-in is on stable storage. A failing source is logged and restarted with backoff while the others go on. A
/// replayable source whose scan could not be recorded restarts from its last committed position, so nothing is skipped.
/// A checkpoint traveller whose codes are still pending when the combine window runs out is closed once a second.
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
    VerdictOutputs? outputs = null,
    WorkerProgress? progress = null,
    AdmissionDesk? desk = null) : BackgroundService
{
    private static readonly TimeSpan MinRetry = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan MaxRetry = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan ExpiryPoll = TimeSpan.FromSeconds(1);
    private readonly AdmissionDesk _desk = desk ?? new AdmissionDesk(() => new Dictionary<string, string>(), time);
    private readonly VerdictOutputs _outputs = outputs ?? new VerdictOutputs();

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(sources.Select(s => RunSourceAsync(s, stoppingToken)).Append(CloseExpiredAsync(stoppingToken)));

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
            var check = verifier.Check(scan.Text, format);
            var step = _desk.Scan(hash, check);
            if (step.Repeat)
            {
                Log.ScanRepeated(logger, format, hash);
                _outputs.Show(step.Decision, check.Subject?.Name, check.Subject?.BirthDate);
                return;
            }

            var recorded = await outbox.RecordAsync(new ScannedCode(scan.At, format, step.CodeVerdict, hash, scan.Cursor, check.Subject), cancellationToken).ConfigureAwait(false);
            Log.ScanRecorded(logger, recorded.Seq, format, recorded.Verdict, hash);
            await RecordCrossingAsync(step, cancellationToken).ConfigureAwait(false);
            _outputs.Show(step.Decision, check.Subject?.Name, check.Subject?.BirthDate);
            signal.Notify();
        }
        catch (IOException ex)
        {
            Log.ScanNotRecorded(logger, format, hash, ex);
            _outputs.ShowError();
            if (scan.Cursor is not null)
            {
                throw; // restart the replayable source from its committed position
            }
        }
    }

    private async Task RecordCrossingAsync(AdmissionStep step, CancellationToken cancellationToken)
    {
        if (step.Crossing is not { } crossing)
        {
            return;
        }

        var recorded = await outbox.RecordAsync(new ScannedCode(time.GetUtcNow(), crossing.Format, crossing.Verdict, crossing.PayloadHash, null, crossing.Subject), cancellationToken).ConfigureAwait(false);
        Log.ScanRecorded(logger, recorded.Seq, crossing.Format, recorded.Verdict, crossing.PayloadHash);
    }

    private async Task CloseExpiredAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(ExpiryPoll, time, stoppingToken).ConfigureAwait(false);
                if (_desk.Expire() is { } step)
                {
                    await RecordCrossingAsync(step, stoppingToken).ConfigureAwait(false);
                    _outputs.Show(step.Decision, step.Crossing?.Subject?.Name, step.Crossing?.Subject?.BirthDate);
                    signal.Notify();
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (IOException ex)
            {
                Log.ScanNotRecorded(logger, "crossing", "", ex);
                _outputs.ShowError();
            }
        }
    }
}
