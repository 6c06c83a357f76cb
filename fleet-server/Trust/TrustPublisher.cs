using Microsoft.Extensions.Options;
using ScanPoint.Contracts;
using ScanPoint.Contracts.Trust;
using ScanPoint.Contracts.Wire;
using ScanPoint.Credentials.Trust;
using ScanPoint.FleetServer.Enrolment;
using ScanPoint.FleetServer.Messaging;

namespace ScanPoint.FleetServer.Trust;

/// <summary>
/// Serves and announces the current trust bundle: at start and every <see cref="TrustOptions.CheckInterval"/> it looks
/// at <c>Trust:Dir</c>, verifies a changed bundle with the anchor again, and when the version is new publishes a
/// retained <see cref="TrustAnnounced"/> on <c>sp/v1/bcast/trust</c>. A refused file is logged and the previous
/// bundle stays current; a failed publish is tried again at the next look.
/// </summary>
internal sealed class TrustPublisher(
    CurrentTrustBundle current,
    IFleetPublisher publisher,
    IOptions<TrustOptions> options,
    IOptions<EnrolmentOptions> enrolment,
    TimeProvider time,
    ILogger<TrustPublisher> logger) : BackgroundService
{
    private (DateTime WrittenAt, long Length) _seen;
    private long _announced;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var o = options.Value;
        if (o.AnchorPath(enrolment.Value) is not { } anchorPath)
        {
            Log.TrustDistributionOff(logger);
            return;
        }

        using var anchor = TrustAnchor.FromPem(await File.ReadAllTextAsync(anchorPath, stoppingToken).ConfigureAwait(false));
        var folder = new TrustFolder(o.Dir);
        var url = o.BundleUrl(enrolment.Value);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await CheckAsync(folder, anchor, url, stoppingToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                Log.TrustPublishFailed(logger, ex.Message);
            }

            await Task.Delay(o.CheckInterval, time, stoppingToken).ConfigureAwait(false);
        }
    }

    private async Task CheckAsync(TrustFolder folder, TrustAnchor anchor, Uri url, CancellationToken cancellationToken)
    {
        var stamp = folder.Stamp();
        if (stamp != _seen && folder.ReadCurrent() is { } bytes)
        {
            _seen = stamp;
            var file = TrustBundleFile.Verify(bytes, anchor, out var problem);
            if (file is null || (current.File is { } served && file.Version < served.Version))
            {
                Log.TrustFileRefused(logger, folder.CurrentPath, file is null ? problem : $"version {file.Version} is older than the served {current.File!.Version}");
            }
            else
            {
                current.Set(file);
            }
        }

        if (current.File is { } bundle && bundle.Version != _announced)
        {
            var announcement = new TrustAnnounced(TrustAnnounced.SchemaVersion, bundle.Version, bundle.Sha256, url.AbsoluteUri, bundle.Bytes.Length);
            await publisher.PublishAsync(Topics.Trust, WireJson.Encode(announcement), retain: true, cancellationToken).ConfigureAwait(false);
            _announced = bundle.Version;
            Log.TrustAnnounced(logger, bundle.Version, bundle.Sha256, url.AbsoluteUri);
        }
    }
}
