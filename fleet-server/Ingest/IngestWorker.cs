using Microsoft.Extensions.Options;
using ScanPoint.Contracts;
using ScanPoint.Contracts.CheckIns;
using ScanPoint.Contracts.Wire;
using ScanPoint.FleetServer.Messaging;
using ScanPoint.FleetServer.Storage;

namespace ScanPoint.FleetServer.Ingest;

/// <summary>
/// Takes validated batches, commits as many as are waiting in one idempotent transaction, and only then publishes
/// each device's application ack. If the database fails, nothing is acknowledged: kiosks keep their check-ins and
/// send them again, and the worker carries on after a pause.
/// </summary>
internal sealed class IngestWorker(
    IngestQueue queue,
    IFleetStore store,
    IFleetPublisher publisher,
    IngestCounters counters,
    IOptions<IngestOptions> options,
    TimeProvider time,
    ILogger<IngestWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var items = new List<IngestItem>();
        while (await queue.Reader.WaitToReadAsync(stoppingToken).ConfigureAwait(false))
        {
            var rows = 0;
            while (rows < options.Value.MaxRowsPerCommit && queue.Reader.TryRead(out var item))
            {
                items.Add(item);
                rows += item.Batch.Items.Count;
            }

            await CommitAndAcknowledgeAsync(items, stoppingToken).ConfigureAwait(false);
            items.Clear();
        }
    }

    private async Task CommitAndAcknowledgeAsync(List<IngestItem> items, CancellationToken cancellationToken)
    {
        var rows = items.SelectMany(i => i.Batch.Items).DistinctBy(c => (c.DeviceId, c.Seq)).ToList();
        try
        {
            var inserted = await store.StoreCheckInsAsync(rows, cancellationToken).ConfigureAwait(false);
            counters.Committed(inserted, items.Count);
            Log.Committed(logger, rows.Count, inserted, items.Count);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            counters.StoreFailed();
            Log.StoreFailed(logger, rows.Count, options.Value.RetryDelay, ex);
            await Task.Delay(options.Value.RetryDelay, time, cancellationToken).ConfigureAwait(false);
            return;
        }

        foreach (var item in items)
        {
            await AcknowledgeAsync(item, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task AcknowledgeAsync(IngestItem item, CancellationToken cancellationToken)
    {
        var ack = new CheckInsAcknowledged(CheckInsAcknowledged.SchemaVersion, [.. item.Batch.Items.Select(c => new AcknowledgedCheckIn(c.Id, c.Seq))], time.GetUtcNow());
        try
        {
            await publisher.PublishAsync(Topics.Ack(item.Device.Province, item.Device.DeviceId), WireJson.Encode(ack), retain: false, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.AckFailed(logger, item.Device.DeviceId, ex.Message); // the kiosk resends; storage is idempotent
        }
    }
}
