using MQTTnet;

namespace ScanPoint.FleetServer.External;

/// <summary>One MQTTnet client connection and what the liveness check knows of it.</summary>
internal sealed class ExternalConnection(IMqttClient client, long connectedAt) : IDisposable
{
    private readonly CancellationTokenSource _closing = new();
    private long _lastReceivedAt = connectedAt;

    public IMqttClient Client { get; } = client;

    /// <summary>Cancelled when the connection is given up: a receive callback still waiting lets go without acknowledging.</summary>
    public CancellationToken Closing => _closing.Token;

    /// <summary>Timestamp (<see cref="TimeProvider.GetTimestamp"/>) when the receive path last completed a message.</summary>
    public long LastReceivedAt => Interlocked.Read(ref _lastReceivedAt);

    public void Received(long at) => Interlocked.Exchange(ref _lastReceivedAt, at);

    public void Cancel() => _closing.Cancel();

    public void Dispose()
    {
        _closing.Cancel();
        Client.Dispose();
        _closing.Dispose();
    }
}
