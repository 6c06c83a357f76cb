using System.Text.Json;
using Xunit.Abstractions;

namespace ScanPoint.EndToEnd.Tests;

/// <summary>
/// Device management with the real programs: the fleet's desired config (device settings and a province policy)
/// reaches an enrolled kiosk, which applies and reports it (the fleet shows it in sync); fleet commands are answered
/// (refresh-trust, upload-logs with the logs stored), and a command past its expiry ends as <c>expired</c>.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class ManagementEndToEndTests(ITestOutputHelper output)
{
    [Fact]
    public Task EnrolledKiosk_AppliesDesiredConfigAndAnswersCommands() =>
        Scenario.RunAsync(output, async run =>
        {
            var demo = run.PathOf("demo-trust");
            (await run.RunCommandAsync(Programs.FleetServer, ["trust", "init-demo", "--out", demo, "--version", "1"])).EnsureSuccess();
            var fleet = new FleetProcess(run)
            {
                Settings = [$"--Enrolment:TrustAnchor={Path.Combine(demo, "trust-anchor.pem")}", $"--Trust:Dir={run.PathOf("fleet-trust")}", "--Management:CheckInterval=00:00:00.300"],
            };
            (await fleet.ImportTrustAsync(Path.Combine(demo, "trust-bundle.cose"))).EnsureSuccess();
            await fleet.StartAsync();
            var kiosk = new KioskProcess(run, "managed");
            await kiosk.EnrolAsync(await fleet.EnrollAsync("HN", "gate-m"));
            await FleetAsync(run, fleet, "devices", "config", "--id", kiosk.DeviceId, "--set", "heartbeatInterval=10s", "--set", "mode=checkpoint");
            await FleetAsync(run, fleet, "provinces", "policy", "--province", "HN", "--set", "policy.x=strict");

            await kiosk.StartAsync("--Kiosk:RebootCommand=true", "--Kiosk:ManagementPoll=00:00:00.200");

            JsonElement config = default;
            await run.WaitAsync(
                $"{kiosk.DeviceId} to report the desired config (inSync)",
                async () => (config = await fleet.GetJsonAsync($"/api/devices/{kiosk.DeviceId}/config")).GetProperty("inSync").GetBoolean(),
                () => config.ToString());
            var effective = config.GetProperty("reported").GetProperty("effective");
            Assert.Equal("10s", effective.GetProperty("heartbeatInterval").GetString());
            Assert.Equal("checkpoint", effective.GetProperty("mode").GetString());
            Assert.Equal("strict", effective.GetProperty("policy.x").GetString());

            var trustVersion = Path.Combine(kiosk.DataDir, "trust-version");
            await run.WaitAsync("the kiosk to take the announced trust bundle", () => File.Exists(trustVersion) && File.ReadAllText(trustVersion) == "1");
            var refresh = await IssueAsync(run, fleet, kiosk.DeviceId, "refresh-trust");
            var logs = await IssueAsync(run, fleet, kiosk.DeviceId, "upload-logs");
            await WaitForStateAsync(run, fleet, kiosk.DeviceId, refresh, "succeeded");
            await WaitForStateAsync(run, fleet, kiosk.DeviceId, logs, "succeeded");
            var text = await fleet.GetStringAsync($"/api/devices/{kiosk.DeviceId}/commands/{logs}/logs");
            Assert.Contains("Fleet config applied", text, StringComparison.Ordinal);

            var reportedAt = (await fleet.GetJsonAsync($"/api/devices/{kiosk.DeviceId}/config")).GetProperty("reportedAt").GetDateTimeOffset();
            await kiosk.StopAsync(); // a command that expires while the kiosk is away is never run
            var expired = await IssueAsync(run, fleet, kiosk.DeviceId, "self-test", "--expires", "1s");
            await WaitForStateAsync(run, fleet, kiosk.DeviceId, expired, "expired");
            await kiosk.StartAsync("--Kiosk:RebootCommand=true");
            await run.WaitAsync(
                $"{kiosk.DeviceId} to report its config again after reconnecting",
                async () => (await fleet.GetJsonAsync($"/api/devices/{kiosk.DeviceId}/config")).GetProperty("reportedAt").GetDateTimeOffset() > reportedAt);
            await WaitForStateAsync(run, fleet, kiosk.DeviceId, expired, "expired");
        });

    private static async Task<CommandResult> FleetAsync(Scenario run, FleetProcess fleet, params string[] args) =>
        (await run.RunCommandAsync(Programs.FleetServer, [.. args, $"--Storage:SqlitePath={fleet.DatabasePath}", .. fleet.Settings])).EnsureSuccess();

    /// <summary><c>devices command</c>; returns the command id ("command {id} ({name}) queued for …").</summary>
    private static async Task<string> IssueAsync(Scenario run, FleetProcess fleet, string deviceId, string name, params string[] more) =>
        (await FleetAsync(run, fleet, ["devices", "command", "--id", deviceId, "--name", name, .. more])).LastLine.Split(' ')[1];

    private static async Task WaitForStateAsync(Scenario run, FleetProcess fleet, string deviceId, string commandId, string state)
    {
        JsonElement commands = default;
        await run.WaitAsync(
            $"command {commandId} to be {state}",
            async () => (commands = await fleet.GetJsonAsync($"/api/devices/{deviceId}/commands")).EnumerateArray()
                .Any(c => c.GetProperty("id").GetString() == commandId && c.GetProperty("state").GetString() == state),
            () => commands.ToString());
    }
}
