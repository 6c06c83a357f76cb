namespace ScanPoint.FleetServer.Messaging;

/// <summary>
/// How the fleet server sends to devices (acks, broadcasts, desired config, commands): into the embedded broker, or
/// through its client connection to an external broker.
/// </summary>
public interface IFleetPublisher
{
    /// <summary>Publishes at QoS 1; throws when the message could not be handed to the broker.</summary>
    Task PublishAsync(string topic, byte[] payload, bool retain, CancellationToken cancellationToken);
}
