using System.Threading.Channels;

namespace ScanPoint.FleetServer.Ingest;

/// <summary>Bounded hand-off from the broker to the ingest worker; when full, publishers wait (their PUBACK is delayed).</summary>
public sealed class IngestQueue
{
    public const int Capacity = 2048;

    private readonly Channel<IngestItem> _channel = Channel.CreateBounded<IngestItem>(new BoundedChannelOptions(Capacity)
    {
        SingleReader = true,
        FullMode = BoundedChannelFullMode.Wait,
    });

    public ChannelReader<IngestItem> Reader => _channel.Reader;

    public int Depth => _channel.Reader.Count;

    public ValueTask EnqueueAsync(IngestItem item, CancellationToken cancellationToken) => _channel.Writer.WriteAsync(item, cancellationToken);
}
