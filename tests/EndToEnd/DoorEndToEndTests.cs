using Microsoft.Playwright;
using ScanPoint.TestKit;
using Xunit.Abstractions;

namespace ScanPoint.EndToEnd.Tests;

/// <summary>
/// The kiosk at the door with the real programs and Debian's headless Chromium: a scan appended to the kiosk's lines
/// file makes its page show the verdict (venue mode: the valid demo certificate, then the expired one); after the fleet
/// switches it to checkpoint mode, a movement declaration and a vaccination certificate of the same person combine into
/// one accepted crossing, recorded besides the two codes.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class DoorEndToEndTests(ITestOutputHelper output)
{
    [Fact]
    public Task A_scan_makes_the_page_show_the_verdict_and_a_checkpoint_combines_two_codes() =>
        Scenario.RunAsync(output, async run =>
        {
            var demo = run.PathOf("demo-trust");
            (await run.RunCommandAsync(Programs.FleetServer, ["trust", "init-demo", "--out", demo, "--version", "1"])).EnsureSuccess();
            var codes = File.ReadAllLines(Path.Combine(demo, "demo-codes.txt")); // valid DCC, expired DCC, unknown signer, movement pass HN→HCM
            var fleet = new FleetProcess(run)
            {
                Settings = [$"--Enrolment:TrustAnchor={Path.Combine(demo, "trust-anchor.pem")}", $"--Trust:Dir={run.PathOf("fleet-trust")}", "--Management:CheckInterval=00:00:00.300"],
            };
            (await fleet.ImportTrustAsync(Path.Combine(demo, "trust-bundle.cose"))).EnsureSuccess();
            await fleet.StartAsync();
            var kiosk = new KioskProcess(run, "door");
            await kiosk.EnrolAsync(await fleet.EnrollAsync("HCM", "gate-d"));
            var screenPort = ScanPoint.TestKit.FreePort.Next();
            await kiosk.StartAsync($"--Screen:Port={screenPort}", "--Kiosk:ManagementPoll=00:00:00.200");
            var trustVersion = Path.Combine(kiosk.DataDir, "trust-version");
            await run.WaitAsync("the kiosk to take the announced trust bundle", () => File.Exists(trustVersion) && File.ReadAllText(trustVersion) == "1");

            await using var chromium = await HeadlessChromium.LaunchAsync();
            var page = await chromium.NewPageAsync();
            await page.GotoAsync($"http://127.0.0.1:{screenPort}/");
            await Assertions.Expect(page.Locator("body")).ToHaveAttributeAsync("data-kind", "idle");

            Scan(kiosk, codes[0]);
            await Assertions.Expect(page.Locator("body")).ToHaveAttributeAsync("data-kind", "accepted", new() { Timeout = 15_000 });
            await Assertions.Expect(page.Locator("#person")).ToHaveTextAsync("V** A* N**** · 1990");
            Scan(kiosk, codes[1]);
            await Assertions.Expect(page.Locator("body")).ToHaveAttributeAsync("data-code", "rejected:EXP", new() { Timeout = 15_000 });
            await Assertions.Expect(page.Locator("#en")).ToHaveTextAsync("The certificate has expired");

            await FleetAsync(run, fleet, "devices", "config", "--id", kiosk.DeviceId, "--set", "mode=checkpoint", "--set", "policy.duplicateSeconds=1");
            await FleetAsync(run, fleet, "provinces", "policy", "--province", "HCM", "--set", "policy.checkpoint.route=HCM");
            await run.WaitAsync(
                $"{kiosk.DeviceId} to run the checkpoint policy",
                async () => (await fleet.GetJsonAsync($"/api/devices/{kiosk.DeviceId}/config")).GetProperty("inSync").GetBoolean());
            await Task.Delay(TimeSpan.FromSeconds(1.5)); // past the 1 s duplicate window of the valid code scanned above

            Scan(kiosk, codes[3]);
            await Assertions.Expect(page.Locator("body")).ToHaveAttributeAsync("data-kind", "pending", new() { Timeout = 15_000 });
            await Assertions.Expect(page.Locator("#en")).ToContainTextAsync("vaccination certificate or test result or recovery certificate");
            Scan(kiosk, codes[0]);
            await Assertions.Expect(page.Locator("body")).ToHaveAttributeAsync("data-kind", "accepted", new() { Timeout = 15_000 });

            await run.WaitAsync("the fleet to store 2 venue scans, 2 checkpoint codes and 1 crossing", async () => (await fleet.GetJsonAsync("/api/stats")).GetProperty("checkIns").GetInt64() == 5);
        });

    private static void Scan(KioskProcess kiosk, string code) => File.AppendAllText(kiosk.Scans.Path, code + "\n");

    private static async Task FleetAsync(Scenario run, FleetProcess fleet, params string[] args) =>
        (await run.RunCommandAsync(Programs.FleetServer, [.. args, $"--Storage:SqlitePath={fleet.DatabasePath}", .. fleet.Settings])).EnsureSuccess();
}
