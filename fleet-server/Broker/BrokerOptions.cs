using System.ComponentModel.DataAnnotations;

namespace ScanPoint.FleetServer.Broker;

/// <summary>The <c>Mqtt</c> configuration section: the embedded broker's Kestrel endpoint.</summary>
public sealed class BrokerOptions
{
    public const string SectionName = "Mqtt";

    /// <summary>Address to listen on; 127.0.0.1 by default, 0.0.0.0 to serve kiosks on the network.</summary>
    [Required]
    public string Address { get; set; } = "127.0.0.1";

    /// <summary>MQTT TCP port (0 picks a free one; the chosen port is logged and kept in <see cref="BoundPort"/>).</summary>
    [Range(0, 65535)]
    public int Port { get; set; } = 1883;

    /// <summary>Set once Kestrel has bound the MQTT endpoint.</summary>
    public int BoundPort { get; set; }
}
