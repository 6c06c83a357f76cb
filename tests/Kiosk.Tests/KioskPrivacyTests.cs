using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ScanPoint.Contracts.Devices;
using ScanPoint.Contracts.Wire;
using ScanPoint.Kiosk.Commands;
using ScanPoint.Kiosk.Health;
using ScanPoint.Kiosk.Outbox;
using ScanPoint.Kiosk.Provisioning;
using ScanPoint.TestKit;

namespace ScanPoint.Kiosk.Tests;

/// <summary>
/// The whole kiosk host (every worker, the fleet unreachable) scans citizen-ID cards with known names: the subjects
/// reach the outbox, and nothing personal reaches the logs (every level, with exceptions) or the heartbeat.
/// </summary>
public sealed class KioskPrivacyTests : IDisposable
{
    private static readonly (string Id, string Name, string Dob, string Sex)[] People =
    [
        ("001190012345", "Phạm Thị Quỳnh Xyzzyanh", "14021990", "Nữ"),
        ("079085054321", "Hoàng Văn Plughbao", "30111985", "Nam"),
    ];

    private readonly TempDirectory _dir = new("privacy");

    [Fact]
    public async Task Run_ScansWithKnownNames_SubjectsRecordedNothingPersonalInLogsOrHeartbeat()
    {
        KioskIdentity.From(DeviceCredential.Create("kiosk-1", "PR1", "site-1"), new Uri("mqtt://127.0.0.1:9")).Save(_dir.Path);
        var lines = _dir.File("scans.txt");
        await File.WriteAllLinesAsync(lines, [.. People.Select(p => $"{p.Id}||{p.Name}|{p.Dob}|{p.Sex}|Số 5 Ngõ 6, Hà Nội|01022022"), "HC1:NOT-A-REAL-CODE"]);
        var logs = new EverythingLogger();
        var builder = Host.CreateApplicationBuilder(CommandLine.ToConfiguration(["--data-dir", _dir.Path, "--scan-source", "lines:" + lines]));
        builder.Logging.ClearProviders().SetMinimumLevel(LogLevel.Trace).AddProvider(logs);
        builder.Services.AddKiosk();

        string heartbeat;
        using (var host = builder.Build())
        {
            await host.StartAsync();
            var outbox = host.Services.GetRequiredService<ICheckInOutbox>();
            await Eventually.TrueAsync(() => outbox.GetStatus().Pending == 3, TimeSpan.FromSeconds(30), "three check-ins recorded");
            Assert.Equal(2, outbox.PeekPending(0, 10).Count(c => c.Subject is not null));
            heartbeat = Encoding.UTF8.GetString(WireJson.Encode(host.Services.GetRequiredService<HeartbeatSampler>().Sample(1)));
            await host.StopAsync();
        }

        var text = logs.Text();
        Assert.Contains("Scan recorded", text, StringComparison.Ordinal);
        foreach (var (id, name, dob, _) in People)
        {
            string[] secrets = [name, .. name.Split(' ').Where(t => t.Length > 5), id, dob, $"{dob[4..]}-{dob[2..4]}-{dob[..2]}"];
            Assert.All(secrets, s => Assert.DoesNotContain(s, text, StringComparison.OrdinalIgnoreCase));
            Assert.All(secrets, s => Assert.DoesNotContain(s, heartbeat, StringComparison.OrdinalIgnoreCase));
        }
    }

    public void Dispose() => _dir.Dispose();

    /// <summary>Every entry at every level, with its exception's full text.</summary>
    private sealed class EverythingLogger : ILoggerProvider, ILogger
    {
        private readonly StringBuilder _text = new();

        public string Text()
        {
            lock (_text)
            {
                return _text.ToString();
            }
        }

        public ILogger CreateLogger(string categoryName) => this;

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            lock (_text)
            {
                _text.AppendLine($"{logLevel} {eventId.Id} {formatter(state, exception)} {exception}");
            }
        }

        public void Dispose()
        {
        }
    }
}
