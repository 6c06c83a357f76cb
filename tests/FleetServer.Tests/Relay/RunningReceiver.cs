using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using ScanPoint.NationalReceiver;
using ScanPoint.TestKit;

namespace ScanPoint.FleetServer.Tests.Relay;

/// <summary>The reference receiver in this process, on Kestrel on a loopback port, with its SQLite file in a temp folder.</summary>
internal sealed class RunningReceiver : IAsyncDisposable
{
    private readonly TempDirectory _dir = new("receiver");
    private readonly WebApplication _app;

    private RunningReceiver(int port, string[] extraArgs)
    {
        Port = port;
        _app = ReceiverApp.Build([$"--Receiver:Port={port}", $"--Receiver:DatabasePath={_dir.File("intake.db")}", "--Logging:LogLevel:Default=Warning", .. extraArgs]);
        Scheme = extraArgs.Any(a => a.StartsWith("--Receiver:CertificatePath=", StringComparison.Ordinal)) ? "https" : "http";
        Http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
    }

    public int Port { get; }

    /// <summary>https when started with a certificate (its admin endpoints then need the client certificate too).</summary>
    public string Scheme { get; }

    public string Url => $"{Scheme}://127.0.0.1:{Port}";

    public HttpClient Http { get; }

    public IServiceProvider Services => _app.Services;

    /// <param name="extraArgs">More configuration, e.g. <c>--Receiver:CertificatePath=…</c>.</param>
    public static async Task<RunningReceiver> StartAsync(params string[] extraArgs)
    {
        var receiver = new RunningReceiver(FreePort.Next(), extraArgs);
        await receiver._app.StartAsync();
        return receiver;
    }

    /// <summary>Check-ins held, read from the receiver's store in process (works over HTTPS too).</summary>
    public long HeldInProcess() => _app.Services.GetRequiredService<ReceiverStore>().Held();

    public async Task<JsonElement> StatsAsync() => await Http.GetFromJsonAsync<JsonElement>("/receiver/stats");

    public async Task<long> HeldAsync() => (await StatsAsync()).GetProperty("held").GetInt64();

    public async Task SetFaultsAsync(FaultOptions faults) => (await Http.PutAsJsonAsync("/receiver/faults", faults)).EnsureSuccessStatusCode();

    public async Task<IReadOnlyList<HeldCheckIn>> HeldCheckInsAsync() =>
        await Http.GetFromJsonAsync<List<HeldCheckIn>>("/receiver/check-ins?limit=10000") ?? [];

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        _dir.Dispose();
    }
}
