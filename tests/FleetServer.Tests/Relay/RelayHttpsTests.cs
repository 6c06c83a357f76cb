using ScanPoint.FleetServer.Tests.Broker;
using ScanPoint.TestKit;

namespace ScanPoint.FleetServer.Tests.Relay;

/// <summary>
/// The relay over HTTPS to the reference receiver requiring client certificates of its CA (mutual TLS), the fleet
/// pinning the receiver's CA.
/// </summary>
public sealed class RelayHttpsTests : IAsyncLifetime
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);
    private readonly TestPki _pki = new();
    private RunningReceiver _receiver = null!;

    public async Task InitializeAsync() => _receiver = await RunningReceiver.StartAsync(_pki.ReceiverArgs);

    public async Task DisposeAsync()
    {
        await _receiver.DisposeAsync();
        _pki.Dispose();
    }

    [Fact]
    public async Task ClientCertificateOfTheCa_IsAccepted_EveryCheckInDelivered()
    {
        await using var fleet = await RunningFleet.StartAsync(RelayFleet.Args(
            _receiver,
            $"--Relay:ClientCertificatePath={_pki.ClientCertificatePath}",
            $"--Relay:ClientKeyPath={_pki.ClientKeyPath}",
            $"--Relay:CaCertificatePath={_pki.CaPath}"));

        await fleet.StoreAsync("kiosk-1", 1, 120);

        await Eventually.TrueAsync(async () => _receiver.HeldInProcess() == 120 && await fleet.RelayAsync("pending") == 0, Limit, "120 relayed over mTLS");
        Assert.Equal(0, await fleet.RelayAsync("failedAttempts"));
        Assert.Contains(fleet.Logs.Entries, e => e.Id.Id == 7012 && e.Message.Contains("CN=scanpoint-fleet", StringComparison.Ordinal));
    }

    [Fact]
    public async Task NoClientCertificate_IsRefusedInTheHandshake_NothingHeld()
    {
        await using var fleet = await RunningFleet.StartAsync(RelayFleet.Args(_receiver, $"--Relay:CaCertificatePath={_pki.CaPath}"));

        await fleet.StoreAsync("kiosk-1", 1, 10);

        await Eventually.TrueAsync(async () => await fleet.RelayAsync("failedAttempts") >= 2, Limit, "failed attempts without a certificate");
        Assert.Equal(0, _receiver.HeldInProcess());
        Assert.Equal(10, await fleet.RelayAsync("pending"));
    }

    [Fact]
    public async Task ClientCertificateOfAnotherCa_IsRefused_NothingHeld()
    {
        await using var fleet = await RunningFleet.StartAsync(RelayFleet.Args(
            _receiver,
            $"--Relay:ClientCertificatePath={_pki.StrangerCertificatePath}",
            $"--Relay:ClientKeyPath={_pki.StrangerKeyPath}",
            $"--Relay:CaCertificatePath={_pki.CaPath}"));

        await fleet.StoreAsync("kiosk-1", 1, 10);

        await Eventually.TrueAsync(async () => await fleet.RelayAsync("failedAttempts") >= 2, Limit, "failed attempts with a stranger's certificate");
        Assert.Equal(0, _receiver.HeldInProcess());
    }

    [Fact]
    public async Task PinnedCaThatDidNotIssueTheBackendsCertificate_TheFleetRefusesTheBackend()
    {
        await using var fleet = await RunningFleet.StartAsync(RelayFleet.Args(
            _receiver,
            $"--Relay:ClientCertificatePath={_pki.ClientCertificatePath}",
            $"--Relay:ClientKeyPath={_pki.ClientKeyPath}",
            $"--Relay:CaCertificatePath={_pki.OtherCaPath}"));

        await fleet.StoreAsync("kiosk-1", 1, 10);

        await Eventually.TrueAsync(async () => await fleet.RelayAsync("failedAttempts") >= 2, Limit, "failed attempts against an unpinned backend");
        Assert.Equal(0, _receiver.HeldInProcess());
        Assert.True(fleet.Logs.Entries.Any(e => e.Id.Id == 7014), (await fleet.RelayStatsAsync()).ToString());
    }
}
