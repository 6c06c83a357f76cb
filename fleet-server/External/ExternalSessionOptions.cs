using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;
using ScanPoint.FleetServer.Messaging;

namespace ScanPoint.FleetServer.External;

/// <summary>The fleet's MQTT session on the external broker: how it connects and what it subscribes to.</summary>
internal static class ExternalSessionOptions
{
    /// <summary>MQTT 5, mutual TLS as fleet-server, persistent session (clean start off, session expiry), keep-alive.</summary>
    public static MqttClientOptions Connect(ExternalBrokerOptions options, string clientId, ExternalBrokerIdentity identity) =>
        new MqttClientOptionsBuilder()
            .WithTcpServer(options.Host, options.Port)
            .WithClientId(clientId)
            .WithProtocolVersion(MqttProtocolVersion.V500)
            .WithCleanStart(false)
            .WithSessionExpiryInterval((uint)options.SessionExpiry.TotalSeconds)
            .WithKeepAlivePeriod(options.KeepAlive)
            .WithTimeout(TimeSpan.FromSeconds(10))
            .WithTlsOptions(tls => tls.UseTls()
                .WithClientCertificates([identity.ClientCertificate])
                .WithCertificateValidationHandler(v => (v.SslPolicyErrors & System.Net.Security.SslPolicyErrors.RemoteCertificateNameMismatch) == 0
                    && identity.IsBrokerCertificate(v.Certificate))) // chained to the fleet CA (or ExternalBroker:CaFile), for the configured host
            .Build();

    /// <summary>
    /// <c>$share/{group}/sp/v1/+/+/{suffix}</c> at QoS 1 for every suffix devices publish (new suffixes flow without
    /// change here), and this replica's own probe topic, not shared, at QoS 0.
    /// </summary>
    public static MqttClientSubscribeOptions Subscribe(ExternalBrokerOptions options, string probeTopic)
    {
        var subscribe = new MqttClientSubscribeOptionsBuilder().WithTopicFilter(probeTopic, MqttQualityOfServiceLevel.AtMostOnce);
        foreach (var suffix in DeviceMessages.DeviceTopicSuffixes)
        {
            subscribe.WithTopicFilter($"$share/{options.SharedGroup}/sp/v1/+/+/{suffix}", MqttQualityOfServiceLevel.AtLeastOnce);
        }

        return subscribe.Build();
    }

    /// <summary>The wait before reconnect attempt <paramref name="failures"/>: doubling from the minimum up to the maximum, ±50 % jitter.</summary>
    public static TimeSpan ReconnectDelay(ExternalBrokerOptions options, int failures)
    {
        var ceiling = Math.Min(options.ReconnectMaxDelay.TotalMilliseconds, options.ReconnectMinDelay.TotalMilliseconds * Math.Pow(2, Math.Min(failures - 1, 16)));
        return TimeSpan.FromMilliseconds(ceiling * (0.5 + Random.Shared.NextDouble()));
    }
}
