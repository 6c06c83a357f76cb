using System.Threading.Channels;

namespace ScanPoint.FleetServer.External;

/// <summary>
/// The bounded hand-off between MQTTnet's receive callback (which only copies and writes here) and the consumer (which
/// looks devices up and stores). It outlives connections: what was handed off before a reconnect is still consumed.
/// </summary>
internal sealed class ExternalInbox
{
    private readonly Channel<ExternalMessage> _channel;
    private long _taken;

    public ExternalInbox(Microsoft.Extensions.Options.IOptions<ExternalBrokerOptions> options)
    {
        Capacity = options.Value.InboxCapacity;
        _channel = Channel.CreateBounded<ExternalMessage>(new BoundedChannelOptions(Capacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
    }

    public int Capacity { get; }

    public int Depth => _channel.Reader.Count;

    public bool IsFull => Depth >= Capacity;

    /// <summary>How many messages the consumer has taken so far (its progress).</summary>
    public long Taken => Interlocked.Read(ref _taken);

    public ValueTask WriteAsync(ExternalMessage message, CancellationToken cancellationToken) => _channel.Writer.WriteAsync(message, cancellationToken);

    public async IAsyncEnumerable<ExternalMessage> ReadAllAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var message in _channel.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            Interlocked.Increment(ref _taken);
            yield return message;
        }
    }
}
