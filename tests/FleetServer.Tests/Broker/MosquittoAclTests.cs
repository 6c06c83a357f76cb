using System.Diagnostics;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using MQTTnet;
using ScanPoint.FleetServer.Enrolment;
using ScanPoint.TestKit;

namespace ScanPoint.FleetServer.Tests.Broker;

/// <summary>
/// The shipped external-broker configuration (deploy/mosquitto: mutual TLS with the fleet CA,
/// <c>use_identity_as_username</c>, ACL patterns) on a real Mosquitto 2: a device reaches only its own subtree and the
/// broadcasts, a certificate from another CA is refused, and the fleet server's identity consumes every device's
/// check-ins through a shared subscription.
/// </summary>
public sealed class MosquittoAclTests : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);
    private readonly TempDirectory _dir = new("mosquitto-acl");
    private readonly int _port = FreePort.Next();
    private FleetCertificateAuthority _ca = null!;
    private Process? _mosquitto;

    public async Task InitializeAsync()
    {
        File.SetUnixFileMode(_dir.Path, (UnixFileMode)Convert.ToInt32("755", 8)); // mosquitto drops root for its own user
        _ca = FleetCertificateAuthority.LoadOrCreate(_dir.File("ca"), "acl-test", TimeProvider.System);
        using var server = _ca.IssueServerCertificate(["127.0.0.1"], DateTimeOffset.UtcNow, TimeSpan.FromDays(1));
        File.WriteAllText(_dir.File("ca.pem"), _ca.Certificate.ExportCertificatePem());
        File.WriteAllText(_dir.File("server.pem"), server.ExportCertificatePem());
        File.WriteAllText(_dir.File("server.key"), server.GetECDsaPrivateKey()!.ExportPkcs8PrivateKeyPem());
        var deploy = Path.Combine(TestData.RepositoryRoot, "deploy", "mosquitto");
        File.Copy(Path.Combine(deploy, "acl"), _dir.File("acl"));
        var conf = File.ReadAllText(Path.Combine(deploy, "scanpoint.conf"))
            .Replace("/etc/mosquitto/scanpoint/", _dir.Path + "/", StringComparison.Ordinal)
            .Replace("listener 8883", $"listener {_port} 127.0.0.1", StringComparison.Ordinal)
            .Replace("persistence true", "persistence false", StringComparison.Ordinal)
            .Replace("persistence_location /var/lib/mosquitto/\n", "", StringComparison.Ordinal);
        File.WriteAllText(_dir.File("mosquitto.conf"), conf);
        _mosquitto = Process.Start(new ProcessStartInfo("mosquitto", ["-c", _dir.File("mosquitto.conf")]) { RedirectStandardError = true, UseShellExecute = false });
        await Eventually.TrueAsync(Listening, Timeout, $"mosquitto to listen on {_port}");
    }

    public async Task DisposeAsync()
    {
        _mosquitto?.Kill();
        if (_mosquitto is not null)
        {
            await _mosquitto.WaitForExitAsync();
        }

        _mosquitto?.Dispose();
        _ca.Dispose();
        _dir.Dispose();
    }

    [Fact]
    public async Task Devices_reach_only_their_own_subtree_and_the_fleet_consumes_all_check_ins_through_a_shared_subscription()
    {
        using var a = await ConnectAsync("kiosk-a");
        using var b = await ConnectAsync("kiosk-b");
        using var fleet = await ConnectAsync("fleet-server");

        Assert.Equal(MqttClientSubscribeResultCode.GrantedQoS1, await a.SubscribeAsync("sp/v1/HN/kiosk-a/#"));
        Assert.Equal(MqttClientSubscribeResultCode.GrantedQoS1, await a.SubscribeAsync("sp/v1/bcast/#"));
        // Mosquitto's acl_file grants these SUBSCRIBEs but delivers nothing the ACL does not let the device read
        await a.SubscribeAsync("sp/v1/DN/kiosk-b/#");
        await a.SubscribeAsync("sp/v1/#");
        Assert.Equal(MqttClientSubscribeResultCode.GrantedQoS1, await b.SubscribeAsync("sp/v1/DN/kiosk-b/#"));
        Assert.Equal(MqttClientSubscribeResultCode.GrantedQoS1, await fleet.SubscribeAsync("$share/fleet/sp/v1/+/+/evt/checkin"));

        await a.PublishAsync("sp/v1/HN/kiosk-a/evt/checkin", "from a"u8.ToArray());
        await b.PublishAsync("sp/v1/DN/kiosk-b/evt/checkin", "from b"u8.ToArray());
        var intrusion = await a.PublishAsync("sp/v1/DN/kiosk-b/ack", "forged ack"u8.ToArray());
        var broadcast = await a.PublishAsync("sp/v1/bcast/trust", "forged trust"u8.ToArray());

        await Eventually.TrueAsync(() => fleet.Received.Count >= 2, Timeout, "the fleet to consume both check-ins");
        Assert.Equal(["from a", "from b"], fleet.Received.Select(m => System.Text.Encoding.UTF8.GetString(m.Payload)).Order(StringComparer.Ordinal));
        Assert.NotEqual(MqttClientPublishReasonCode.Success, intrusion.ReasonCode);
        Assert.NotEqual(MqttClientPublishReasonCode.Success, broadcast.ReasonCode);
        Assert.DoesNotContain(b.Received, m => m.Topic == "sp/v1/DN/kiosk-b/ack");
        Assert.DoesNotContain(a.Received, m => m.Topic == "sp/v1/bcast/trust");
        await a.PublishAsync("sp/v1/HN/kiosk-a/hb", "a is done"u8.ToArray());
        await Eventually.TrueAsync(() => a.Received.Any(m => m.Topic == "sp/v1/HN/kiosk-a/hb"), Timeout, "a's own message back (all earlier deliveries are in)");
        Assert.All(a.Received, m => Assert.StartsWith("sp/v1/HN/kiosk-a/", m.Topic, StringComparison.Ordinal)); // never b's check-in
    }

    [Fact]
    public async Task A_certificate_from_another_ca_is_refused()
    {
        using var other = FleetCertificateAuthority.LoadOrCreate(_dir.File("other-ca"), "other", TimeProvider.System);

        var (client, result, error) = await DeviceClient.ConnectTlsAsync(_port, "kiosk-x", Issue(other, "kiosk-x"), _ca.Certificate);

        Assert.Null(result);
        Assert.NotNull(error);
        client.Dispose();
    }

    private async Task<DeviceClient> ConnectAsync(string id)
    {
        var (client, result, error) = await DeviceClient.ConnectTlsAsync(_port, id, Issue(_ca, id), _ca.Certificate);
        Assert.True(result == MqttClientConnectResultCode.Success, $"{id}: {result} {error}");
        return client;
    }

    private static X509Certificate2 Issue(FleetCertificateAuthority ca, string id)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var issued = ca.IssueDeviceCertificate(key, new DeviceName(id, "HN", "site"), DateTimeOffset.UtcNow, TimeSpan.FromDays(1));
        return issued.CopyWithPrivateKey(key);
    }

    private async Task<bool> Listening()
    {
        using var probe = new TcpClient();
        try
        {
            await probe.ConnectAsync("127.0.0.1", _port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
