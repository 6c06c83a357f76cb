using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using ScanPoint.Contracts.CheckIns;
using ScanPoint.Kiosk.Outbox;

namespace ScanPoint.Benchmarks.Drain;

/// <summary>
/// The kiosk's own share of a drain, without network or fleet: on a copy of the filled outbox, what the reporter does
/// per batch — <c>PeekPending</c> of a batch, then <c>Acknowledge</c> of all of it — timed, with the fsyncs and bytes
/// it costs. Both run under the outbox's one lock, so their sum bounds how fast one kiosk can drain.
/// </summary>
internal sealed record OutboxDrainCeiling(int BatchSize, TimeSpan PeekPerBatch, TimeSpan AcknowledgePerBatch, double SyncsPerBatch, double BytesPerBatch)
{
    public double CheckInsPerSecond => BatchSize / (PeekPerBatch + AcknowledgePerBatch).TotalSeconds;

    public static OutboxDrainCeiling Measure(string filledDir, string copyDir, int batchSize, int batches)
    {
        OutboxPrefill.CopyTo(filledDir, copyDir);
        var storage = new FileOutboxStorage(copyDir);
        using var outbox = new LiteDbCheckInOutbox(storage, "", "", TimeProvider.System, NullLogger<LiteDbCheckInOutbox>.Instance);
        var (peek, acknowledge) = (new Stopwatch(), new Stopwatch());
        var (syncs, bytes) = (storage.Stats.Syncs, storage.Stats.Bytes);
        var after = 0L;
        for (var i = 0; i < batches; i++)
        {
            peek.Start();
            var batch = outbox.PeekPending(after, batchSize);
            peek.Stop();
            if (batch.Count == 0)
            {
                break;
            }

            after = batch[^1].Seq;
            acknowledge.Start();
            outbox.Acknowledge([.. batch.Select(c => new AcknowledgedCheckIn(c.Id, c.Seq))]);
            acknowledge.Stop();
        }

        return new OutboxDrainCeiling(
            batchSize, peek.Elapsed / batches, acknowledge.Elapsed / batches, (storage.Stats.Syncs - syncs) / (double)batches, (storage.Stats.Bytes - bytes) / (double)batches);
    }
}
