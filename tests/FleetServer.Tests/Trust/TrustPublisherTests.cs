using System.Net;
using Microsoft.Extensions.Configuration;
using ScanPoint.Contracts;
using ScanPoint.Contracts.Trust;
using ScanPoint.Contracts.Wire;
using ScanPoint.Credentials.Trust;
using ScanPoint.FleetServer.Tests.Broker;
using ScanPoint.FleetServer.Trust;
using ScanPoint.TestKit;

namespace ScanPoint.FleetServer.Tests.Trust;

/// <summary>The running fleet announces its current bundle retained on <c>sp/v1/bcast/trust</c> and serves it with an ETag.</summary>
public sealed class TrustPublisherTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 7, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);
    private readonly TempDirectory _dir = new("trust-publisher");
    private readonly TrustAnchor _anchor = TrustAnchor.Create();
    private readonly HttpClient _http = new();
    private RunningFleet _fleet = null!;

    private string TrustDir => _dir.File("trust");

    public async Task InitializeAsync()
    {
        File.WriteAllText(_dir.File("anchor.pem"), _anchor.PublicKeyPem());
        Assert.Equal(0, Import(TestTrustBundles.Sign(_anchor, 1, Now)));
        _fleet = await RunningFleet.StartAsync(
            $"--Trust:Dir={TrustDir}", $"--Trust:Anchor={_dir.File("anchor.pem")}", "--Trust:CheckInterval=00:00:00.100", "--Trust:PublicBaseUrl=https://fleet.example:8443/");
    }

    public async Task DisposeAsync()
    {
        await _fleet.DisposeAsync();
        _http.Dispose();
        _anchor.Dispose();
        _dir.Dispose();
    }

    [Fact]
    public async Task Start_CurrentBundle_AnnouncedRetainedAndANewImportIsAnnouncedToo()
    {
        var credential = await _fleet.AddDeviceAsync("kiosk-trust");
        using var device = await DeviceClient.ConnectAsync(_fleet.MqttPort, credential);
        await device.SubscribeAsync(Topics.Trust);

        var first = await AnnouncementAsync(device, 1);
        var v1 = File.ReadAllBytes(Path.Combine(TrustDir, TrustFolder.CurrentFileName));
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(v1)), first.Sha256);
        Assert.Equal(v1.Length, first.Size);
        Assert.Equal("https://fleet.example:8443/api/trust/bundle", first.Url);

        Assert.Equal(0, Import(TestTrustBundles.Sign(_anchor, 2, Now.AddHours(1))));
        await AnnouncementAsync(device, 2);

        using var late = await DeviceClient.ConnectAsync(_fleet.MqttPort, await _fleet.AddDeviceAsync("kiosk-late"));
        await late.SubscribeAsync(Topics.Trust);
        await AnnouncementAsync(late, 2); // retained: a kiosk connecting later gets the current one
    }

    [Fact]
    public async Task Get_Bundle_ServedWithETagAnd304WhenItMatches()
    {
        var url = $"http://127.0.0.1:{_fleet.HttpPort}/api/trust/bundle";
        await Eventually.TrueAsync(async () => (await _http.GetAsync(url)).StatusCode == HttpStatusCode.OK, Timeout, "the bundle served");

        using var reply = await _http.GetAsync(url);
        var bytes = await reply.Content.ReadAsByteArrayAsync();
        var etag = reply.Headers.ETag!.Tag;
        Assert.Equal($"\"{Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes))}\"", etag);
        Assert.Equal(File.ReadAllBytes(Path.Combine(TrustDir, TrustFolder.CurrentFileName)), bytes);

        using var conditional = new HttpRequestMessage(HttpMethod.Get, url);
        conditional.Headers.IfNoneMatch.Add(new System.Net.Http.Headers.EntityTagHeaderValue(etag));
        using var notModified = await _http.SendAsync(conditional);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);

        using var stale = new HttpRequestMessage(HttpMethod.Get, url);
        stale.Headers.IfNoneMatch.Add(new System.Net.Http.Headers.EntityTagHeaderValue("\"0000\""));
        Assert.Equal(HttpStatusCode.OK, (await _http.SendAsync(stale)).StatusCode);
    }

    [Fact]
    public async Task Get_NoBundleImported_NotFound()
    {
        await using var empty = await RunningFleet.StartAsync($"--Trust:Dir={_dir.File("empty")}", $"--Trust:Anchor={_dir.File("anchor.pem")}");

        Assert.Equal(HttpStatusCode.NotFound, (await _http.GetAsync($"http://127.0.0.1:{empty.HttpPort}/api/trust/bundle")).StatusCode);
    }

    private static async Task<TrustAnnounced> AnnouncementAsync(DeviceClient device, long version)
    {
        TrustAnnounced? found = null;
        await Eventually.TrueAsync(
            () => (found = device.Received.Where(m => m.Topic == Topics.Trust)
                .Select(m => WireJson.TryDecode(m.Payload, out TrustAnnounced? a, out _) ? a : null)
                .LastOrDefault(a => a?.Version == version)) is not null,
            Timeout,
            $"trust v{version} announced");
        return found!;
    }

    private int Import(byte[] bundle)
    {
        var path = _dir.File($"import-{Guid.NewGuid():N}.cose");
        File.WriteAllBytes(path, bundle);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Trust:Dir"] = TrustDir,
            ["Trust:Anchor"] = _dir.File("anchor.pem"),
        }).Build();
        return TrustImportCommand.Run(["import", "--bundle", path], configuration);
    }
}
