using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.DependencyInjection;
using MQTTnet;
using ScanPoint.Contracts;
using ScanPoint.Contracts.Devices;
using ScanPoint.Contracts.Wire;
using ScanPoint.FleetServer.Enrolment;
using ScanPoint.FleetServer.Storage;
using ScanPoint.TestKit;

namespace ScanPoint.FleetServer.Tests.Broker;

/// <summary>
/// The broker's ACL as a matrix: 24 enrolled identities in 3 provinces, each publishing and subscribing to its own
/// subtree, to every other device's, and to the broadcast topics, over mutual TLS. Exactly the specified cells
/// succeed, and no message published under one device's topics reaches another device.
/// </summary>
public sealed class AclMatrixTests : IAsyncLifetime
{
    private static readonly string[] Provinces = ["HN", "HCM", "DN"];
    private RunningFleet _fleet = null!;
    private readonly List<(string Id, string Province, DeviceClient Client)> _devices = [];

    public async Task InitializeAsync()
    {
        _fleet = await RunningFleet.StartAsync();
        var ca = _fleet.Services.GetRequiredService<FleetCertificateAuthority>();
        var store = _fleet.Services.GetRequiredService<IFleetStore>();
        for (var i = 0; i < 24; i++)
        {
            var (id, province) = ($"acl-{i:00}", Provinces[i % Provinces.Length]);
            await store.AddDeviceAsync(new DeviceRecord(id, province, "site", "", DateTimeOffset.UtcNow), CancellationToken.None);
            using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            using var issued = ca.IssueDeviceCertificate(key, new DeviceName(id, province, "site"), DateTimeOffset.UtcNow, TimeSpan.FromDays(1));
            var certificate = issued.CopyWithPrivateKey(key);
            var (client, result, error) = await DeviceClient.ConnectTlsAsync(_fleet.MqttTlsPort, id, certificate, ca.Certificate);
            Assert.True(result == MqttClientConnectResultCode.Success, $"{id}: {result} {error}");
            _devices.Add((id, province, client));
        }
    }

    public async Task DisposeAsync()
    {
        foreach (var device in _devices)
        {
            device.Client.Dispose();
        }

        await _fleet.DisposeAsync();
    }

    [Fact]
    public async Task Every_identity_reaches_exactly_its_own_subtree_and_reads_broadcasts()
    {
        var cells = 0;
        foreach (var (id, province, client) in _devices)
        {
            Assert.Equal(MqttClientSubscribeResultCode.GrantedQoS1, await client.SubscribeAsync(Topics.DeviceRoot(province, id) + "/#"));
            Assert.Equal(MqttClientSubscribeResultCode.GrantedQoS1, await client.SubscribeAsync(Topics.Broadcast + "/#"));
            Assert.Equal(MqttClientSubscribeResultCode.NotAuthorized, await client.SubscribeAsync("#"));
            Assert.Equal(MqttClientSubscribeResultCode.NotAuthorized, await client.SubscribeAsync($"{Topics.Root}/{province}/+/state"));
            cells += 4;
            foreach (var other in _devices.Where(d => d.Id != id))
            {
                Assert.Equal(MqttClientSubscribeResultCode.NotAuthorized, await client.SubscribeAsync(Topics.DeviceRoot(other.Province, other.Id) + "/#"));
                cells++;
            }
        }

        foreach (var (id, province, client) in _devices)
        {
            Assert.Equal(MqttClientPublishReasonCode.Success, (await client.PublishAsync(Topics.State(province, id), Born(id))).ReasonCode);
            Assert.Equal(MqttClientPublishReasonCode.NotAuthorized, (await client.PublishAsync(Topics.Broadcast + "/trust", Born(id))).ReasonCode);
            cells += 2;
            foreach (var other in _devices.Where(d => d.Id != id))
            {
                Assert.Equal(MqttClientPublishReasonCode.NotAuthorized, (await client.PublishAsync(Topics.State(other.Province, other.Id), Born(id))).ReasonCode);
                cells++;
            }
        }

        // each device gets its own (routed, retained) presence back (it subscribed to its subtree) and nothing else from anyone
        await Task.WhenAll(_devices.Select(d => Eventually.TrueAsync(() => !d.Client.Received.IsEmpty, TimeSpan.FromSeconds(20), $"{d.Id} to receive its own presence")));
        foreach (var (id, province, client) in _devices)
        {
            var received = client.Received.ToArray();
            Assert.All(received, m => Assert.StartsWith(Topics.DeviceRoot(province, id) + "/", m.Topic, StringComparison.Ordinal));
            Assert.All(received, m => Assert.Equal(Born(id), m.Payload));
        }

        Assert.Equal(24 * ((4 + 23) + (2 + 23)), cells);
    }

    /// <summary>A presence only this device sends: its number is the boot.</summary>
    private static byte[] Born(string id) =>
        WireJson.Encode(new PresenceChanged(PresenceChanged.SchemaVersion, PresenceChanged.Online, long.Parse(id[4..], System.Globalization.CultureInfo.InvariantCulture) + 1, DateTimeOffset.UnixEpoch));
}
