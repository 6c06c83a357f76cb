using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ScanPoint.Kiosk.Screen;

/// <summary>
/// The kiosk's page for Chromium in kiosk mode, on Kestrel bound to 127.0.0.1 only: <c>GET /</c> the page,
/// <c>GET /events</c> every state change as server-sent events, <c>GET /state</c> the current state. The status line is
/// refreshed every second. A failure to listen is logged and the kiosk goes on scanning without a screen.
/// </summary>
internal sealed class ScreenServer(VerdictFeed feed, ScreenStatusSource status, IOptions<ScreenOptions> options, TimeProvider time, ILogger<ScreenServer> logger) : BackgroundService
{
    private static readonly TimeSpan StatusInterval = TimeSpan.FromSeconds(1);

    /// <summary>The port the page listens on once started (the configured one, or the one chosen for port 0 in tests).</summary>
    public int? Port { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.Port == 0)
        {
            return;
        }

        WebApplication app;
        try
        {
            app = Build(options.Value.Port);
            await app.StartAsync(stoppingToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or InvalidOperationException)
        {
            Log.ScreenFailed(logger, options.Value.Port, ex.Message);
            return;
        }

        Port = options.Value.Port;
        Log.ScreenListening(logger, Port.Value);
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                feed.SetStatus(status.Read());
                await Task.Delay(StatusInterval, time, stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // stopping
        }
        finally
        {
            await app.StopAsync(CancellationToken.None).ConfigureAwait(false);
            await app.DisposeAsync().ConfigureAwait(false);
        }
    }

    private WebApplication Build(int port)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, port));
        var app = builder.Build();
        var page = ReadPage();
        app.MapGet("/", () => Results.Text(page, "text/html; charset=utf-8"));
        app.MapGet("/state", () => Results.Text(JsonSerializer.Serialize(feed.Current, ScreenJson.Default.ScreenState), "application/json"));
        app.MapGet("/events", StreamAsync);
        return app;
    }

    private async Task StreamAsync(HttpContext context)
    {
        context.Response.Headers.ContentType = "text/event-stream";
        context.Response.Headers.CacheControl = "no-store";
        var (reader, leave) = feed.Subscribe();
        using (leave)
        {
            try
            {
                await foreach (var state in reader.ReadAllAsync(context.RequestAborted).ConfigureAwait(false))
                {
                    await context.Response.WriteAsync("data: " + JsonSerializer.Serialize(state, ScreenJson.Default.ScreenState) + "\n\n", context.RequestAborted).ConfigureAwait(false);
                    await context.Response.Body.FlushAsync(context.RequestAborted).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException)
            {
                // the page went away
            }
        }
    }

    private static string ReadPage()
    {
        using var stream = typeof(ScreenServer).Assembly.GetManifestResourceStream("ScanPoint.Kiosk.Screen.index.html")
            ?? throw new InvalidOperationException("the screen page is not embedded");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
