using Microsoft.Extensions.Logging;
using ScanPoint.Contracts.Devices;
using ScanPoint.Hardware.Scanning;
using ScanPoint.Kiosk.Commands;
using ScanPoint.Kiosk.Scanning;

namespace ScanPoint.Kiosk.Provisioning;

/// <summary>
/// Enrolment by scanning: <c>kiosk run</c> on a kiosk that is not provisioned yet reads its own scan sources (camera,
/// imager, replay file) until it sees an enrolment ticket, enrols with it, and then starts normally. Other codes are
/// ignored (logged by format and hash only); a refused ticket is logged and the kiosk waits for the next one.
/// </summary>
internal static class ScanEnrolment
{
    public static async Task EnrolAsync(KioskOptions options, TimeProvider time, ILogger logger, CancellationToken cancellationToken)
    {
        if (options.ScanSources.Count == 0)
        {
            throw new InvalidOperationException($"{Path.Combine(options.DataDir, KioskIdentity.FileName)} is missing and there is no scan source to read an enrolment ticket from (run: kiosk provision --code TICKET --data-dir {options.DataDir})");
        }

        Log.WaitingForEnrolmentTicket(logger, options.ScanSources.Count);
        using var found = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var sources = options.ScanSources.Select(spec => ScanSourceFactory.Create(spec, _ => 0, time, options.MaxScanLength)).ToList();
        var readers = sources.Select(source => ReadUntilEnrolledAsync(source, options.DataDir, logger, found)).ToList();
        await Task.WhenAll(readers).ConfigureAwait(false);
    }

    private static async Task ReadUntilEnrolledAsync(IScanSource source, string dataDir, ILogger logger, CancellationTokenSource found)
    {
        try
        {
            await foreach (var scan in source.ReadAsync(found.Token).ConfigureAwait(false))
            {
                if (!EnrolmentTicket.TryParse(scan.Text, out _))
                {
                    Log.NotAnEnrolmentTicket(logger, FormatRecognizer.Recognize(scan.Text), PayloadHash.Of(scan.Text));
                    continue;
                }

                using var output = new StringWriter();
                using var error = new StringWriter();
                if (await EnrolCommand.RunAsync(scan.Text, dataDir, output, error).ConfigureAwait(false) == 0)
                {
                    Log.EnrolledByScan(logger, output.ToString().Trim());
                    await found.CancelAsync().ConfigureAwait(false);
                    return;
                }

                Log.EnrolmentByScanFailed(logger, error.ToString().Trim());
            }
        }
        catch (OperationCanceledException) when (found.IsCancellationRequested)
        {
        }
    }
}
