using System.Security.Cryptography.X509Certificates;
using Xunit.Abstractions;

namespace ScanPoint.EndToEnd.Tests;

/// <summary>
/// A technician's enrolment with the real programs: <c>fleet-server devices enroll</c> prints a ticket, <c>kiosk
/// provision --code</c> makes a key on the kiosk and gets its certificate over HTTPS pinned to the fleet CA.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class EnrolmentEndToEndTests(ITestOutputHelper output)
{
    [Fact]
    public Task Provision_WithATicket_EnrolsOnceWithAKeyThatNeverLeftTheKiosk() =>
        Scenario.RunAsync(output, async run =>
        {
            var fleet = new FleetProcess(run);
            await fleet.StartAsync();
            var ticket = await fleet.EnrollAsync("HN", "hoan-kiem");
            var dataDir = run.PathOf("kiosk-a");

            var enrolled = await run.RunCommandAsync(Programs.Kiosk, ["provision", "--code", ticket, "--data-dir", dataDir]);
            var again = await run.RunCommandAsync(Programs.Kiosk, ["provision", "--code", ticket, "--data-dir", run.PathOf("kiosk-b")]);

            enrolled.EnsureSuccess();
            Assert.StartsWith("enrolled as k", enrolled.LastLine, StringComparison.Ordinal);
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(dataDir, "device.key.pem")));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(dataDir, "kiosk.json")));
            using var certificate = X509Certificate2.CreateFromPemFile(Path.Combine(dataDir, "device.pem"), Path.Combine(dataDir, "device.key.pem"));
            Assert.True(certificate.HasPrivateKey); // the certificate is for the key made on the kiosk
            Assert.Contains("OU=hoan-kiem", certificate.Subject, StringComparison.Ordinal);
            Assert.Equal(1, (await fleet.GetStatsAsync()).Devices);
            Assert.Equal(1, again.ExitCode);
            Assert.Contains("refused", again.StdErr, StringComparison.Ordinal);
        });

    [Fact]
    public Task Provision_WithAForgedPin_RefusesToTalkToThatServer() =>
        Scenario.RunAsync(output, async run =>
        {
            var fleet = new FleetProcess(run);
            await fleet.StartAsync();
            var ticket = await fleet.EnrollAsync("HN", "hoan-kiem");
            var forged = ticket[..^43] + new string('A', 43); // same code, another CA's pin

            var result = await run.RunCommandAsync(Programs.Kiosk, ["provision", "--code", forged, "--data-dir", run.PathOf("kiosk")]);

            Assert.Equal(1, result.ExitCode);
            Assert.Contains("does not match the ticket's pin", result.StdErr, StringComparison.Ordinal);
            Assert.Equal(0, (await fleet.GetStatsAsync()).Devices);
            Assert.False(File.Exists(run.PathOf("kiosk/kiosk.json")));
        });

    [Theory]
    [InlineData("embedded")]
    [InlineData("external")]
    public Task EnrolledKiosk_KilledAndRestarted_DeliversEveryLineOnceOverMutualTls(string mode) =>
        Scenario.RunAsync(output, async run =>
        {
            var fleet = await FleetProcess.CreateAsync(run, mode);
            await fleet.StartAsync();
            var kiosk = new KioskProcess(run, "enrolled");
            await kiosk.EnrolAsync(await fleet.EnrollAsync("DN", "market"));
            await kiosk.StartAsync();

            kiosk.Scans.Append(150);
            await run.WaitAsync("some check-ins to reach the fleet over TLS", async () => (await fleet.GetStatsAsync()).CheckIns > 0);
            await kiosk.KillAsync();
            kiosk.Scans.Append(100);
            await kiosk.StartAsync();

            await Delivery.AssertEverythingDeliveredOnceAsync(run, fleet, [kiosk]);
        });

    [Theory]
    [InlineData("embedded")]
    [InlineData("external")]
    public Task Presence_FollowsKill9_GracefulStop_AndFleetRestart(string mode) =>
        Scenario.RunAsync(output, async run =>
        {
            var fleet = await FleetProcess.CreateAsync(run, mode);
            await fleet.StartAsync();
            var kiosk = new KioskProcess(run, "presence");
            await kiosk.EnrolAsync(await fleet.EnrollAsync("HN", "gate-1"));

            // through an external broker the clock comes with the fleet's answer to the birth, after the first beat
            await kiosk.StartAsync(mode == "external" ? ["--Reporting:HeartbeatInterval=00:00:02"] : []);
            await WaitForPresenceAsync(run, fleet, kiosk, "online", 1);
            await run.WaitAsync( // its heartbeat arrived, with the clock offset it learned at connect
                $"a heartbeat of {kiosk.DeviceId} with its clock offset in /api/devices",
                async () => (await fleet.GetJsonAsync("/api/devices")).EnumerateArray()
                    .Any(d => d.GetProperty("deviceId").GetString() == kiosk.DeviceId && d.GetProperty("clockOffsetSeconds").ValueKind == System.Text.Json.JsonValueKind.Number));
            await kiosk.KillAsync();
            await WaitForPresenceAsync(run, fleet, kiosk, "lost", 1);

            await kiosk.StartAsync();
            await WaitForPresenceAsync(run, fleet, kiosk, "online", 2);
            await kiosk.StopAsync();
            await WaitForPresenceAsync(run, fleet, kiosk, "offline", 2);

            await kiosk.StartAsync();
            await WaitForPresenceAsync(run, fleet, kiosk, "online", 3);
            var bornAt = (await fleet.GetStatsAsync()).Device(kiosk.DeviceId)!.Presence!.At;
            await fleet.KillAsync();
            if (fleet.External is not null)
            {
                // the kiosk stays connected to the broker; what it says while the fleet is down waits in the fleet's session
                await kiosk.StopAsync();
                await fleet.StartAsync();
                await WaitForPresenceAsync(run, fleet, kiosk, "offline", 3);
                return;
            }

            await fleet.StartAsync();
            await run.WaitAsync( // the kiosk reconnects to the restarted fleet and is born again, same boot
                $"{kiosk.DeviceId} to announce itself again after the fleet restart",
                async () => (await fleet.TryGetStatsAsync())?.Device(kiosk.DeviceId)?.Presence is { State: "online", Boot: 3 } p && p.At > bornAt,
                () => fleet.LastStatsJson);
        });

    [Fact]
    public Task EnrolledKiosk_RenewsItsCertificate_AndAReEnrolmentKeepsItsIdentity() =>
        Scenario.RunAsync(output, async run =>
        {
            var fleet = new FleetProcess(run);
            await fleet.StartAsync();
            var kiosk = new KioskProcess(run, "renewing");
            await kiosk.EnrolAsync(await fleet.EnrollAsync("HN", "gate-2"));
            var enrolledAs = kiosk.DeviceId;
            var certificatePath = Path.Combine(kiosk.DataDir, "device.pem");
            var first = Serial(certificatePath);

            // renew as soon as it looks (a 30-day threshold on a 7-day certificate), checking every second
            await kiosk.StartAsync("--Kiosk:CertificateRenewBefore=30.00:00:00", "--Kiosk:CertificateCheckInterval=00:00:01");
            await run.WaitAsync("the kiosk to renew its certificate", () => Serial(certificatePath) != first);
            await kiosk.StopAsync();
            await kiosk.StartAsync(); // connects with the renewed certificate
            kiosk.Scans.Append(20);
            await Delivery.AssertEverythingDeliveredOnceAsync(run, fleet, [kiosk]);
            await kiosk.StopAsync();

            // offline past expiry: a re-enrolment ticket for the same device; same id, same key, new certificate
            var renewed = Serial(certificatePath);
            await kiosk.EnrolAsync(await fleet.ReEnrollAsync(enrolledAs));
            Assert.Equal(enrolledAs, kiosk.DeviceId);
            Assert.NotEqual(renewed, Serial(certificatePath));
            Assert.Equal(1, (await fleet.GetStatsAsync()).Devices);
        });

    [Fact]
    public Task UnprovisionedKiosk_ScansItsTicket_EnrolsAndThenRecordsEveryOtherScanOnce() =>
        Scenario.RunAsync(output, async run =>
        {
            var fleet = new FleetProcess(run);
            await fleet.StartAsync();
            var kiosk = new KioskProcess(run, "scanned");
            var ticket = await fleet.EnrollAsync("DN", "door");
            File.WriteAllText(kiosk.Scans.Path, "not a ticket\n" + ticket + "\n");

            await kiosk.StartAsync(); // no kiosk.json: it reads the ticket from its own scan source and enrols
            kiosk.AdoptEnrolledIdentity();
            var lines = File.ReadAllLines(kiosk.Scans.Path).Length;
            kiosk.Scans.Append(30);

            // the two lines read before enrolment are not check-ins: the ticket is ignored, the other line is a scan
            await run.WaitAsync(
                "the fleet to store the 30 scans and the non-ticket line",
                async () => (await fleet.TryGetStatsAsync())?.Device(kiosk.DeviceId) is { CheckIns: 31 });
            Assert.Equal(2, lines);
        });

    private static string Serial(string path)
    {
        using var certificate = X509Certificate2.CreateFromPem(File.ReadAllText(path));
        return certificate.SerialNumber;
    }

    private static Task WaitForPresenceAsync(Scenario run, FleetProcess fleet, KioskProcess kiosk, string state, long boot) =>
        run.WaitAsync(
            $"the fleet to show {kiosk.DeviceId} {state} (boot {boot})",
            async () => (await fleet.TryGetStatsAsync())?.Device(kiosk.DeviceId)?.Presence is { } p && p.State == state && p.Boot == boot,
            () => fleet.LastStatsJson);
}
