using System.Globalization;
using System.Security.Cryptography.X509Certificates;
using ScanPoint.FleetServer.Enrolment;

namespace ScanPoint.FleetServer.External;

/// <summary>
/// <c>fleet-server broker-cert --out DIR [--host NAME]... [--days N]</c>: the external broker's TLS material, issued by
/// the fleet CA (<c>Enrolment:CaDir</c>): <c>ca.pem</c> (the broker's <c>cafile</c>: it admits exactly the fleet's devices),
/// <c>server.pem</c>/<c>server.key</c> for the given names (kiosks trust only the fleet CA, so the broker's certificate must
/// come from it), and <c>fleet-server.pem</c>/<c>fleet-server.key</c> (CN=fleet-server, the ACL's fleet user) for
/// replicas that do not issue their own at start. Keys are written mode 0600: give them to the broker's user.
/// </summary>
internal static class BrokerCertificateCommand
{
    public static int Run(string[] args, IConfiguration configuration, TimeProvider time)
    {
        var outIndex = Array.IndexOf(args, "--out");
        if (outIndex < 0 || outIndex == args.Length - 1)
        {
            Console.Error.WriteLine("usage: fleet-server broker-cert --out DIR [--host NAME]... [--days N]   (names default to ExternalBroker:Host)");
            return 2;
        }

        var options = configuration.GetSection(EnrolmentOptions.SectionName).Get<EnrolmentOptions>() ?? new EnrolmentOptions();
        var hosts = args.Select((a, i) => (a, i)).Where(p => p.a == "--host" && p.i + 1 < args.Length).Select(p => args[p.i + 1]).ToList();
        if (hosts.Count == 0)
        {
            hosts.Add(configuration[$"{ExternalBrokerOptions.SectionName}:{nameof(ExternalBrokerOptions.Host)}"] ?? "127.0.0.1");
        }

        var daysIndex = Array.IndexOf(args, "--days");
        var days = 365;
        if (daysIndex >= 0 && (daysIndex + 1 >= args.Length || !int.TryParse(args[daysIndex + 1], CultureInfo.InvariantCulture, out days) || days < 1))
        {
            Console.Error.WriteLine("broker-cert: --days takes a positive number of days");
            return 2;
        }

        var directory = Path.GetFullPath(args[outIndex + 1]);
        Directory.CreateDirectory(directory);
        using var ca = FleetCertificateAuthority.LoadOrCreate(options.CaDir, options.FleetName, time);
        var now = time.GetUtcNow();
        using var server = ca.IssueServerCertificate(hosts, now, TimeSpan.FromDays(days));
        using var client = ExternalBrokerIdentity.IssueClientCertificate(ca, now);
        File.WriteAllText(Path.Combine(directory, "ca.pem"), ca.Certificate.ExportCertificatePem());
        File.WriteAllText(Path.Combine(directory, "server.pem"), server.ExportCertificatePem());
        using var serverKey = server.GetECDsaPrivateKey()!;
        using var clientKey = client.GetECDsaPrivateKey()!;
        WritePrivate(Path.Combine(directory, "server.key"), serverKey.ExportPkcs8PrivateKeyPem());
        File.WriteAllText(Path.Combine(directory, "fleet-server.pem"), client.ExportCertificatePem());
        WritePrivate(Path.Combine(directory, "fleet-server.key"), clientKey.ExportPkcs8PrivateKeyPem());
        Console.WriteLine($"broker TLS material from fleet CA {ca.Fingerprint} for {string.Join(", ", hosts)} ({days} days) written to {directory}");
        return 0;
    }

    private static void WritePrivate(string path, string pem)
    {
        File.WriteAllText(path, pem);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }
}
