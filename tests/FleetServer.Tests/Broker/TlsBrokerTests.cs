using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.DependencyInjection;
using MQTTnet;
using ScanPoint.FleetServer.Enrolment;
using ScanPoint.FleetServer.Storage;
using ScanPoint.TestKit;

namespace ScanPoint.FleetServer.Tests.Broker;

/// <summary>The broker's TLS endpoint: only current device certificates of this fleet's CA, naming a registered device.</summary>
public sealed class TlsBrokerTests : IAsyncLifetime
{
    private RunningFleet _fleet = null!;

    private FleetCertificateAuthority Ca => _fleet.Services.GetRequiredService<FleetCertificateAuthority>();

    public async Task InitializeAsync() => _fleet = await RunningFleet.StartAsync();

    public async Task DisposeAsync() => await _fleet.DisposeAsync();

    [Fact]
    public async Task A_registered_device_with_its_certificate_connects_and_a_second_connection_does_not_take_over()
    {
        using var certificate = await EnrolledCertificateAsync("kiosk-t1");

        var (first, result, _) = await DeviceClient.ConnectTlsAsync(_fleet.MqttTlsPort, "kiosk-t1", certificate, Ca.Certificate);
        var (second, again, _) = await DeviceClient.ConnectTlsAsync(_fleet.MqttTlsPort, "kiosk-t1", certificate, Ca.Certificate);

        Assert.Equal(MqttClientConnectResultCode.Success, result);
        Assert.Equal(MqttClientConnectResultCode.ClientIdentifierNotValid, again);
        Assert.True(first.IsConnected);
        Assert.Contains(_fleet.Logs.Entries, e => e.Id.Id == 1001 && e.Message.Contains("already connected", StringComparison.Ordinal));
        first.Dispose();
        second.Dispose();
    }

    [Fact]
    public async Task A_revoked_device_is_disconnected_within_the_check_interval_and_refused_afterwards()
    {
        using var certificate = await EnrolledCertificateAsync("kiosk-rv");
        var (client, result, _) = await DeviceClient.ConnectTlsAsync(_fleet.MqttTlsPort, "kiosk-rv", certificate, Ca.Certificate);
        Assert.Equal(MqttClientConnectResultCode.Success, result);
        var revokedAt = DateTimeOffset.UtcNow;

        Assert.True(await _fleet.Services.GetRequiredService<IFleetStore>().RevokeDeviceAsync("kiosk-rv", revokedAt, CancellationToken.None));
        await Eventually.TrueAsync(() => !client.IsConnected, TimeSpan.FromSeconds(60), "the revoked device to be disconnected");
        var disconnectedAfter = DateTimeOffset.UtcNow - revokedAt;
        var (again, refused, _) = await DeviceClient.ConnectTlsAsync(_fleet.MqttTlsPort, "kiosk-rv", certificate, Ca.Certificate);

        Assert.True(disconnectedAfter < TimeSpan.FromSeconds(60), $"disconnected after {disconnectedAfter}");
        Assert.Equal(MqttClientConnectResultCode.Banned, refused);
        Assert.Contains(_fleet.Logs.Entries, e => e.Id.Id == 1006 && e.Message.Contains("kiosk-rv", StringComparison.Ordinal));
        client.Dispose();
        again.Dispose();
    }

    [Fact]
    public async Task A_client_id_other_than_the_certificates_device_is_refused()
    {
        using var certificate = await EnrolledCertificateAsync("kiosk-t2");
        await EnrolledCertificateAsync("kiosk-t3");

        var (client, result, _) = await DeviceClient.ConnectTlsAsync(_fleet.MqttTlsPort, "kiosk-t3", certificate, Ca.Certificate);

        Assert.Equal(MqttClientConnectResultCode.ClientIdentifierNotValid, result);
        client.Dispose();
    }

    [Fact]
    public async Task A_valid_certificate_for_a_device_the_fleet_does_not_know_is_refused()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var certificate = Issue(Ca, key, "kiosk-gone", DateTimeOffset.UtcNow, TimeSpan.FromDays(1));

        var (client, result, _) = await DeviceClient.ConnectTlsAsync(_fleet.MqttTlsPort, "kiosk-gone", certificate, Ca.Certificate);

        Assert.Equal(MqttClientConnectResultCode.NotAuthorized, result);
        client.Dispose();
    }

    [Fact]
    public async Task No_certificate_another_cas_certificate_and_an_expired_one_fail_the_handshake()
    {
        using var dir = new TempDirectory("other-ca");
        using var other = FleetCertificateAuthority.LoadOrCreate(dir.Path, "other", TimeProvider.System);
        await EnrolledCertificateAsync("kiosk-t4");
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var foreign = Issue(other, key, "kiosk-t4", DateTimeOffset.UtcNow, TimeSpan.FromDays(1));
        using var expired = Issue(Ca, key, "kiosk-t4", DateTimeOffset.UtcNow.AddDays(-10), TimeSpan.FromDays(1));

        foreach (var certificate in new[] { null, foreign, expired })
        {
            var (client, result, error) = await DeviceClient.ConnectTlsAsync(_fleet.MqttTlsPort, "kiosk-t4", certificate, Ca.Certificate);
            Assert.Null(result);
            Assert.NotNull(error);
            Assert.False(client.IsConnected);
            client.Dispose();
        }

        Assert.DoesNotContain(_fleet.Logs.Entries, e => e.Message.Contains("kiosk-t4 connected", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Plain_mqtt_on_the_tls_port_gets_no_answer()
    {
        using var socket = new TcpClient();
        await socket.ConnectAsync("127.0.0.1", _fleet.MqttTlsPort);
        var stream = socket.GetStream();
        byte[] connect = [0x10, 0x10, 0x00, 0x04, (byte)'M', (byte)'Q', (byte)'T', (byte)'T', 0x05, 0x02, 0x00, 0x3C, 0x00, 0x00, 0x03, (byte)'a', (byte)'b', (byte)'c'];
        await stream.WriteAsync(connect);

        var buffer = new byte[64];
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        var read = await ReadOrFailAsync(stream, buffer, timeout.Token);

        Assert.True(read <= 0 || buffer[0] != 0x20, "the TLS port answered plaintext MQTT with a CONNACK");
    }

    private static async Task<int> ReadOrFailAsync(NetworkStream stream, byte[] buffer, CancellationToken cancellationToken)
    {
        try
        {
            return await stream.ReadAsync(buffer, cancellationToken);
        }
        catch (IOException)
        {
            return -1; // reset by the server
        }
    }

    private async Task<X509Certificate2> EnrolledCertificateAsync(string deviceId)
    {
        var store = _fleet.Services.GetRequiredService<IFleetStore>();
        await store.AddDeviceAsync(new DeviceRecord(deviceId, "HN", "site-1", "", DateTimeOffset.UtcNow), CancellationToken.None);
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        return Issue(Ca, key, deviceId, DateTimeOffset.UtcNow, TimeSpan.FromDays(1));
    }

    private static X509Certificate2 Issue(FleetCertificateAuthority ca, ECDsa key, string deviceId, DateTimeOffset from, TimeSpan lifetime)
    {
        using var certificate = ca.IssueDeviceCertificate(key, new DeviceName(deviceId, "HN", "site-1"), from, lifetime);
        return certificate.CopyWithPrivateKey(key);
    }
}
