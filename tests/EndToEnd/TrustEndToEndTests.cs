using ScanPoint.Credentials.Trust;
using ScanPoint.TestKit;
using Xunit.Abstractions;

namespace ScanPoint.EndToEnd.Tests;

/// <summary>
/// Trust distribution with the real programs: an enrolled kiosk pins the anchor, takes the bundle the fleet announces,
/// and a later <c>trust import</c> reaches it without a restart; the fleet sees the version in its heartbeats.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class TrustEndToEndTests(ITestOutputHelper output)
{
    [Fact]
    public Task EnrolledKiosk_GetsTheAnnouncedBundle_AndANewImportReachesIt() =>
        Scenario.RunAsync(output, async run =>
        {
            var demo = run.PathOf("demo-trust");
            (await run.RunCommandAsync(Programs.FleetServer, ["trust", "init-demo", "--out", demo, "--version", "1"])).EnsureSuccess();
            var fleet = new FleetProcess(run)
            {
                Settings = [$"--Enrolment:TrustAnchor={Path.Combine(demo, "trust-anchor.pem")}", $"--Trust:Dir={run.PathOf("fleet-trust")}", "--Trust:CheckInterval=00:00:00.200"],
            };
            (await fleet.ImportTrustAsync(Path.Combine(demo, "trust-bundle.cose"))).EnsureSuccess();
            await fleet.StartAsync();
            var kiosk = new KioskProcess(run, "trusting");
            await kiosk.EnrolAsync(await fleet.EnrollAsync("HN", "gate-t"));

            await kiosk.StartAsync("--Reporting:HeartbeatInterval=00:00:00.500");
            await WaitForTrustVersionAsync(run, fleet, kiosk, 1);

            using var anchor = TrustAnchor.FromPem(File.ReadAllText(Path.Combine(demo, "trust-anchor-private.pem")));
            var v2 = run.PathOf("trust-bundle-v2.cose");
            File.WriteAllBytes(v2, TestTrustBundles.Sign(anchor, 2, DateTimeOffset.UtcNow));
            using var forger = TrustAnchor.Create();
            var forged = run.PathOf("forged.cose");
            File.WriteAllBytes(forged, TestTrustBundles.Sign(forger, 3, DateTimeOffset.UtcNow));

            var refused = await fleet.ImportTrustAsync(forged);
            (await fleet.ImportTrustAsync(v2)).EnsureSuccess();

            Assert.Equal(1, refused.ExitCode);
            Assert.Contains("refused", refused.StdErr, StringComparison.Ordinal);
            await WaitForTrustVersionAsync(run, fleet, kiosk, 2);
            Assert.Equal("2", File.ReadAllText(Path.Combine(kiosk.DataDir, "trust-version")));
        });

    private static Task WaitForTrustVersionAsync(Scenario run, FleetProcess fleet, KioskProcess kiosk, long version) =>
        run.WaitAsync(
            $"{kiosk.DeviceId} to report trust v{version} in /api/devices",
            async () => (await fleet.GetJsonAsync("/api/devices")).EnumerateArray().Any(d =>
                d.GetProperty("deviceId").GetString() == kiosk.DeviceId
                && d.GetProperty("trustVersion").ValueKind == System.Text.Json.JsonValueKind.Number
                && d.GetProperty("trustVersion").GetInt64() == version));
}
