namespace ScanPoint.FleetServer.Broker;

/// <summary>Which broker carries device messages (<c>Mqtt:Mode</c>).</summary>
public enum MqttMode
{
    /// <summary>The embedded MQTTnet broker hosted on Kestrel.</summary>
    Embedded,

    /// <summary>An external MQTT 5 broker (Mosquitto 2, or a cluster) consumed through shared subscriptions.</summary>
    External,
}
