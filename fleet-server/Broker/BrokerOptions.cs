using System.ComponentModel.DataAnnotations;

namespace ScanPoint.FleetServer.Broker;

/// <summary>The <c>Mqtt</c> configuration section: which broker carries device messages, and the embedded broker's Kestrel endpoint.</summary>
public sealed class BrokerOptions
{
    public const string SectionName = "Mqtt";

    /// <summary>
    /// <c>embedded</c> (default): the MQTTnet broker on Kestrel. <c>external</c>: no embedded broker or MQTT listener;
    /// the fleet consumes from an external MQTT 5 broker (section <c>ExternalBroker</c>) with shared subscriptions.
    /// </summary>
    public MqttMode Mode { get; set; } = MqttMode.Embedded;

    /// <summary>Address to listen on; 127.0.0.1 by default, 0.0.0.0 to serve kiosks on the network.</summary>
    [Required]
    public string Address { get; set; } = "127.0.0.1";

    /// <summary>MQTT TCP port for devices with a secret credential (<c>devices add</c>).</summary>
    [Range(1, 65535)]
    public int Port { get; set; } = 1883;

    /// <summary>
    /// MQTT over TLS for enrolled devices: a client certificate from the fleet CA is required and names the device
    /// (0 = any free port).
    /// </summary>
    [Range(0, 65535)]
    public int TlsPort { get; set; } = 8883;

    /// <summary>
    /// A connection must deliver its whole CONNECT packet within this time (also MQTTnet's communication timeout):
    /// silent connects and packets claiming huge lengths are closed, and what they sent stays bounded by Kestrel's
    /// 1 MB input buffer until then.
    /// </summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How often connected devices are checked against revocations (a revoked device is gone within this).</summary>
    public TimeSpan RevocationCheckInterval { get; set; } = TimeSpan.FromSeconds(10);
}
