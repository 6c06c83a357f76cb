using System.ComponentModel.DataAnnotations;

namespace ScanPoint.FleetServer.External;

/// <summary>
/// The <c>ExternalBroker</c> section, used when <c>Mqtt:Mode=external</c>: the MQTT 5 broker (Mosquitto 2 here) the
/// fleet server connects to with mutual TLS as the user <c>fleet-server</c>, and how it consumes device messages.
/// </summary>
public sealed class ExternalBrokerOptions
{
    public const string SectionName = "ExternalBroker";

    [Required]
    public string Host { get; set; } = "127.0.0.1";

    [Range(1, 65535)]
    public int Port { get; set; } = 8883;

    /// <summary>The broker address handed to kiosks at enrolment (default <c>mqtts://{Host}:{Port}</c>).</summary>
    public string? PublicAddress { get; set; }

    /// <summary>PEM of the CA the broker's server certificate chains to (default: the fleet CA, which <c>broker-cert</c> uses).</summary>
    public string? CaFile { get; set; }

    /// <summary>
    /// The fleet server's client certificate (PEM, CN=fleet-server) and its key. When unset the fleet issues itself one
    /// from its CA at start, so no password or shared file is needed; <c>fleet-server broker-cert --out DIR</c> writes one.
    /// </summary>
    public string? ClientCertificateFile { get; set; }

    public string? ClientKeyFile { get; set; }

    /// <summary>The shared-subscription group all replicas join (<c>$share/{group}/…</c>).</summary>
    [Required]
    [RegularExpression("^[A-Za-z0-9_-]{1,64}$")]
    public string SharedGroup { get; set; } = "fleet";

    /// <summary>
    /// This replica's MQTT client id (default <c>fleet-server-{machine}-{8 random hex}</c>, new at every start). Give
    /// each replica a stable one in production so a restarted replica resumes its persistent session: Mosquitto keeps
    /// queueing a share of the messages for an offline session until it expires.
    /// </summary>
    public string? ClientId { get; set; }

    /// <summary>How long the broker keeps this replica's session (subscriptions, queued QoS 1 messages) while it is away.</summary>
    public TimeSpan SessionExpiry { get; set; } = TimeSpan.FromMinutes(5);

    public TimeSpan KeepAlive { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>First reconnect delay; doubled per failed attempt up to <see cref="ReconnectMaxDelay"/>, each with ±50 % jitter.</summary>
    public TimeSpan ReconnectMinDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    public TimeSpan ReconnectMaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often this replica publishes a liveness probe to itself (a fleet-only, non-shared topic).</summary>
    public TimeSpan ProbeInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// When nothing (not even its own probe) has come through the receive path for this long while the inbox is not
    /// full, the connection is treated as stalled (MQTTnet issues #2234/#1962): logged, counted and reconnected.
    /// </summary>
    public TimeSpan StallTimeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>Received messages waiting for the consumer; when full the receive callback waits (and PUBACKs wait).</summary>
    [Range(16, 1_000_000)]
    public int InboxCapacity { get; set; } = 4096;

    /// <summary>How long a device looked up for a topic is remembered (a revocation takes effect within this).</summary>
    public TimeSpan DeviceCacheLifetime { get; set; } = TimeSpan.FromSeconds(10);

    public string BrokerAddress => PublicAddress ?? $"mqtts://{Host}:{Port}";
}
