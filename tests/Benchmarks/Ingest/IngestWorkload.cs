using ScanPoint.Contracts.CheckIns;
using ScanPoint.Contracts.Devices;
using ScanPoint.Contracts.Wire;

namespace ScanPoint.Benchmarks.Ingest;

/// <summary>
/// The simulated fleet: kiosks with their credentials and, per kiosk, its check-in batches already encoded as the
/// kiosk would publish them (encoding happens on the kiosks in real life, so it is kept out of the timed part).
/// </summary>
internal sealed class IngestWorkload
{
    private IngestWorkload(IReadOnlyList<DeviceCredential> devices, IReadOnlyList<IReadOnlyList<CheckInRecorded>[]> batches, int batchSize)
    {
        (Devices, Batches, BatchSize) = (devices, batches, batchSize);
    }

    public IReadOnlyList<DeviceCredential> Devices { get; }

    /// <summary>Per kiosk, its batches in publishing order.</summary>
    public IReadOnlyList<IReadOnlyList<CheckInRecorded>[]> Batches { get; }

    public int BatchSize { get; }

    public long CheckIns => Batches.Sum(b => (long)b.Sum(x => x.Count));

    public static IngestWorkload Create(int kiosks, int batchesPerKiosk, int batchSize)
    {
        var devices = Enumerable.Range(1, kiosks).Select(k => DeviceCredential.Create($"bench-kiosk-{k:D3}", "bench", $"site-{k:D3}")).ToList();
        var batches = devices
            .Select(d => Enumerable.Range(0, batchesPerKiosk)
                .Select(b => (IReadOnlyList<CheckInRecorded>)[.. Enumerable.Range(1 + (b * batchSize), batchSize).Select(seq => SampleCheckIns.CheckIn(d.DeviceId, d.SiteId, seq))])
                .ToArray())
            .ToList();
        return new IngestWorkload(devices, batches, batchSize);
    }

    /// <summary>One kiosk's batches as MQTT payloads.</summary>
    public IReadOnlyList<byte[]> Payloads(int kiosk) =>
        [.. Batches[kiosk].Select(items => WireJson.Encode(new CheckInsRecorded(CheckInsRecorded.SchemaVersion, Devices[kiosk].DeviceId, items)))];

    /// <summary>All rows, interleaved as the fleet receives them: every kiosk's first batch, then every second batch, ...</summary>
    public IEnumerable<CheckInRecorded> RowsInArrivalOrder() =>
        Enumerable.Range(0, Batches.Max(b => b.Length)).SelectMany(i => Batches.Where(b => i < b.Length).SelectMany(b => b[i]));
}
