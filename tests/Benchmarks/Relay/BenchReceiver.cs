using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using ScanPoint.Benchmarks.Fleet;
using ScanPoint.NationalReceiver;

namespace ScanPoint.Benchmarks.Relay;

/// <summary>The reference receiver (tests/NationalReceiver) in this process on a loopback port, its SQLite file in the work folder.</summary>
internal sealed class BenchReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;

    private BenchReceiver(WebApplication app, int port) => (_app, Url) = (app, $"http://127.0.0.1:{port}");

    public string Url { get; }

    public static async Task<BenchReceiver> StartAsync(string folder, CancellationToken cancellationToken)
    {
        var port = FreePort.Pick();
        var app = ReceiverApp.Build([$"--Receiver:Port={port}", $"--Receiver:DatabasePath={Path.Combine(folder, "intake.db")}", "--Logging:LogLevel:Default=Warning"]);
        await app.StartAsync(cancellationToken);
        return new BenchReceiver(app, port);
    }

    public ReceiverCounts Counts() => _app.Services.GetRequiredService<ReceiverStore>().Counts();

    public long Held() => _app.Services.GetRequiredService<ReceiverStore>().Held();

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
    }
}
