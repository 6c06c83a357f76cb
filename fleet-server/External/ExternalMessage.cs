namespace ScanPoint.FleetServer.External;

/// <summary>A message received from the external broker, copied out of MQTTnet's buffers, waiting for the consumer.</summary>
internal sealed record ExternalMessage(string Topic, byte[] Payload);
