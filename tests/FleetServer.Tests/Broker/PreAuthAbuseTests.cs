using System.Diagnostics;
using System.Net.Sockets;
using ScanPoint.TestKit;
using Xunit.Abstractions;

namespace ScanPoint.FleetServer.Tests.Broker;

/// <summary>
/// Abuse before authentication: first packets on the MQTT endpoint that claim a 256 MB remaining length, and
/// connections that send nothing (slow half-open connects) on it and on the TLS endpoint. The server must not grow by more than 20 MB and must
/// close such connections within 10 s. The heap is measured for the whole test process, so this class runs alone
/// (<see cref="MeasuredAloneCollection"/>): other classes allocating in parallel made it fail in CI (+23 MB).
/// </summary>
[Collection(nameof(MeasuredAloneCollection))]
public sealed class PreAuthAbuseTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Connections = 50;
    private RunningFleet _fleet = null!;

    public async Task InitializeAsync() => _fleet = await RunningFleet.StartAsync();

    public async Task DisposeAsync() => await _fleet.DisposeAsync();

    [Theory]
    [InlineData(0x10)] // CONNECT
    [InlineData(0x30)] // PUBLISH before CONNECT
    [InlineData(0x82)] // SUBSCRIBE before CONNECT
    public async Task Huge_claimed_lengths_neither_grow_the_server_nor_stay_open(byte packetType)
    {
        var before = Settle();
        var sockets = new List<TcpClient>();
        for (var i = 0; i < Connections; i++)
        {
            var socket = new TcpClient();
            await socket.ConnectAsync("127.0.0.1", _fleet.MqttPort);
            // fixed header + remaining length 268,435,455 (the varint maximum, 256 MB) + a few bytes of "body"
            await socket.GetStream().WriteAsync(new byte[] { packetType, 0xFF, 0xFF, 0xFF, 0x7F, 0x00, 0x04, (byte)'M', (byte)'Q' });
            sockets.Add(socket);
        }

        var closedWithin = await AllClosedAsync(sockets, TimeSpan.FromSeconds(10));
        var grown = Settle() - before;
        output.WriteLine($"managed heap grew by {grown / 1024.0 / 1024.0:0.0} MB; all closed within 10 s: {closedWithin}");

        Assert.True(grown < 20 * 1024 * 1024, $"server grew by {grown / 1024 / 1024} MB");
        Assert.True(closedWithin, "connections claiming 256 MB were still open after 10 s");
        sockets.ForEach(s => s.Dispose());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Silent_connections_are_closed_within_10_seconds(bool tlsPort)
    {
        var sockets = new List<TcpClient>();
        for (var i = 0; i < Connections; i++)
        {
            var socket = new TcpClient();
            await socket.ConnectAsync("127.0.0.1", tlsPort ? _fleet.MqttTlsPort : _fleet.MqttPort);
            sockets.Add(socket);
        }

        Assert.True(await AllClosedAsync(sockets, TimeSpan.FromSeconds(10)), "silent connections were still open after 10 s");
        sockets.ForEach(s => s.Dispose());
    }

    private static async Task<bool> AllClosedAsync(List<TcpClient> sockets, TimeSpan within)
    {
        var deadline = Stopwatch.StartNew();
        var reads = sockets.Select(async s =>
        {
            using var cancel = new CancellationTokenSource(within);
            try
            {
                var buffer = new byte[16];
                while (await s.GetStream().ReadAsync(buffer, cancel.Token) > 0)
                {
                }

                return true; // the server closed it
            }
            catch (OperationCanceledException)
            {
                return false;
            }
            catch (IOException)
            {
                return true; // reset by the server
            }
        });
        var results = await Task.WhenAll(reads);
        return results.All(r => r) && deadline.Elapsed <= within + TimeSpan.FromSeconds(1);
    }

    private static long Settle()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return GC.GetTotalMemory(forceFullCollection: true);
    }
}

/// <summary>Tests that measure the process's memory run with no other test class in parallel.</summary>
[CollectionDefinition(nameof(MeasuredAloneCollection), DisableParallelization = true)]
public sealed class MeasuredAloneCollection;
