namespace ScanPoint.FleetServer.External;

/// <summary>
/// Runs inside MQTTnet's receive callback before a message is handed off (not registered in production). The stall
/// tests register one that blocks, reproducing a receive path that stops while the connection stays up.
/// </summary>
internal sealed record ExternalReceiveHook(Func<string, CancellationToken, Task> BeforeHandOffAsync);
