using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using ScanPoint.FleetServer.Enrolment;
using ScanPoint.FleetServer.Storage;
using ScanPoint.LoadSim;

// dotnet run -c Release --project tests/LoadSim -- [--kiosks 2000] [--duration 5m] [--heartbeat 60s] [--target fleet|mosquitto|external|both|all] [--fleet-gc server|workstation]
var options = LoadSimOptions.Parse(args);
var work = Directory.CreateTempSubdirectory("scanpoint-loadsim-").FullName;
File.SetUnixFileMode(work, (UnixFileMode)Convert.ToInt32("755", 8)); // mosquitto drops root for its own user and must read its files
Console.WriteLine($"LoadSim: {options.Kiosks} kiosks over mutual TLS, heartbeat every {options.Heartbeat}, steady {options.Duration}; work in {work}");
try
{
    var fleet = new FleetServerTarget(Path.Combine(work, "fleet"), FleetServerDll(), options.FleetServerGc);
    using var ca = FleetCertificateAuthority.LoadOrCreate(fleet.CaDir, "loadsim", TimeProvider.System);
    var devices = await RegisterAsync(fleet.DatabasePath, ca, options.Kiosks);
    options = options with { DatabasePath = fleet.DatabasePath, CaDir = fleet.CaDir };
    using var server = ca.IssueServerCertificate(["127.0.0.1"], DateTimeOffset.UtcNow, TimeSpan.FromDays(1));
    var results = new List<LoadResult>();
    if (options.Target is "fleet" or "both" or "all")
    {
        await using (fleet)
        {
            results.Add(await LoadRun.RunAsync(fleet, devices, ca.Certificate, options));
        }
    }

    if (options.Target is "mosquitto" or "both" or "all")
    {
        await using var mosquitto = new MosquittoTarget(Path.Combine(work, "mosquitto"), ca.Certificate.ExportCertificatePem(), server.ExportCertificatePem(), server.GetECDsaPrivateKey()!.ExportPkcs8PrivateKeyPem());
        results.Add(await LoadRun.RunAsync(mosquitto, devices, ca.Certificate, options));
    }

    if (options.Target is "external" or "all")
    {
        await using var external = new ExternalModeTarget(Path.Combine(work, "external"), FleetServerDll(), ca.Certificate.ExportCertificatePem(), server.ExportCertificatePem(), server.GetECDsaPrivateKey()!.ExportPkcs8PrivateKeyPem());
        results.Add(await LoadRun.RunAsync(external, devices, ca.Certificate, options));
    }

    Console.WriteLine();
    Console.WriteLine(LoadResult.Header);
    results.ForEach(r => Console.WriteLine(r.Row()));
    if (results.Any(r => r.Consumer is not null))
    {
        Console.WriteLine();
        Console.WriteLine(ConsumerResult.Header);
        results.Where(r => r.Consumer is not null).ToList().ForEach(r => Console.WriteLine(r.Consumer!.Row(r.Target)));
    }

    return results.All(r => r.AllConnected && r.Reconnect is not null && (r.Consumer is null || r.Consumer.Received >= r.Consumer.Published)) ? 0 : 1;
}
finally
{
    Directory.Delete(work, recursive: true);
}

static async Task<List<(string Id, string Province, X509Certificate2 Certificate)>> RegisterAsync(string databasePath, FleetCertificateAuthority ca, int count)
{
    Directory.CreateDirectory(Path.GetDirectoryName(databasePath)!);
    await using var store = new SqliteFleetStore(databasePath);
    await store.MigrateAsync(CancellationToken.None);
    var provinces = new[] { "HN", "HCM", "DN", "HP", "CT" };
    var devices = new List<(string, string, X509Certificate2)>(count);
    for (var i = 0; i < count; i++)
    {
        var (id, province) = ($"sim-{i:00000}", provinces[i % provinces.Length]);
        await store.AddDeviceAsync(new DeviceRecord(id, province, "site-" + (i % 50), "", DateTimeOffset.UtcNow), CancellationToken.None);
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var issued = ca.IssueDeviceCertificate(key, new DeviceName(id, province, "site-" + (i % 50)), DateTimeOffset.UtcNow, TimeSpan.FromDays(1));
        devices.Add((id, province, issued.CopyWithPrivateKey(key)));
    }

    return devices;
}

static string FleetServerDll()
{
    var bin = AppContext.BaseDirectory;
    var configuration = bin.Contains("/bin/Release/", StringComparison.Ordinal) ? "Release" : "Debug";
    for (var dir = new DirectoryInfo(bin); dir is not null; dir = dir.Parent)
    {
        if (File.Exists(Path.Combine(dir.FullName, "ScanPoint.slnx")))
        {
            return Path.Combine(dir.FullName, "fleet-server", "bin", configuration, "net10.0", "ScanPoint.FleetServer.dll");
        }
    }

    throw new InvalidOperationException("run LoadSim from the repository (dotnet run --project tests/LoadSim)");
}
