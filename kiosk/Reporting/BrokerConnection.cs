using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using MQTTnet;
using ScanPoint.Kiosk.Provisioning;

namespace ScanPoint.Kiosk.Reporting;

/// <summary>
/// Where and as whom the kiosk connects: an enrolled kiosk (<c>mqtts://</c>) with its device certificate, the broker
/// checked against the CA pinned at enrolment (and its name); a kiosk with a secret credential (<c>mqtt://</c>) with
/// client id = user name = device id. Files are read at each connect, so a renewed certificate is used from the next
/// connection on.
/// </summary>
internal static class BrokerConnection
{
    public static MqttClientOptionsBuilder Configure(MqttClientOptionsBuilder builder, KioskIdentity identity, string dataDir)
    {
        builder.WithClientId(identity.DeviceId);
        if (identity.Fleet.Scheme != "mqtts")
        {
            return builder.WithTcpServer(identity.Fleet.Host, identity.Fleet.Port > 0 ? identity.Fleet.Port : 1883).WithCredentials(identity.DeviceId, identity.Secret);
        }

        var certificate = DeviceCertificateFiles.LoadClientCertificate(dataDir);
        var ca = DeviceCertificateFiles.LoadCa(dataDir);
        return builder.WithTcpServer(identity.Fleet.Host, identity.Fleet.Port > 0 ? identity.Fleet.Port : 8883).WithTlsOptions(tls => tls
            .UseTls()
            .WithClientCertificates([certificate])
            .WithCertificateValidationHandler(v => v.Certificate is X509Certificate2 server
                && (v.SslPolicyErrors & SslPolicyErrors.RemoteCertificateNameMismatch) == 0
                && DeviceCertificateFiles.ChainsTo(server, ca)));
    }
}
