using ScanPoint.Credentials.Trust;

namespace ScanPoint.FleetServer.Trust;

/// <summary><c>fleet-server trust init-demo --out DIR [--version N]</c> and <c>trust issue-pass …</c>, <c>trust import --bundle FILE</c>.</summary>
internal static class TrustCommand
{
    public static int Run(string[] args, IConfiguration configuration, TimeProvider time)
    {
        if (args is ["import", ..])
        {
            return TrustImportCommand.Run(args, configuration);
        }

        if (args is ["issue-pass", ..])
        {
            return IssuePassCommand.Run(args, time);
        }

        var outIndex = Array.IndexOf(args, "--out");
        if (args is not ["init-demo", ..] || outIndex < 0 || outIndex == args.Length - 1)
        {
            Console.Error.WriteLine("usage: fleet-server trust import --bundle FILE | trust init-demo --out DIR [--version N] [--shc-issuer URL --shc-jwks FILE [--shc-crl FILE]...]");
            return 2;
        }

        if (!OperatingSystem.IsLinux())
        {
            Console.Error.WriteLine("trust init-demo writes private keys with Unix file modes: run it on Linux");
            return 1;
        }

        var versionIndex = Array.IndexOf(args, "--version");
        var version = versionIndex >= 0 && versionIndex < args.Length - 1 && long.TryParse(args[versionIndex + 1], System.Globalization.CultureInfo.InvariantCulture, out var v) ? v : 1;
        var directory = Path.GetFullPath(args[outIndex + 1]);
        DemoTrust.Create(directory, version, time.GetUtcNow(), ShcIssuers(args));
        Console.WriteLine($"demo trust anchor, document signer and signed trust bundle v{version} written to {directory}:");
        Console.WriteLine($"  {DemoTrust.AnchorPublicFile}  pin on kiosks: kiosk provision ... --trust-anchor {Path.Combine(directory, DemoTrust.AnchorPublicFile)}");
        Console.WriteLine($"  {DemoTrust.BundleFile}  load on kiosks: kiosk run ... --Kiosk:TrustBundle={Path.Combine(directory, DemoTrust.BundleFile)}");
        Console.WriteLine($"  {DemoTrust.CodesFile}  4 demo codes: valid, expired, unknown-signer certificates and a movement pass");
        Console.WriteLine($"  more passes: fleet-server trust issue-pass --dir {directory} --type movement --name NAME --dob 1990-01-01 --id 001090000001 --from HN --to HCM");
        return 0;
    }

    /// <summary>An SMART Health Card issuer to trust: <c>--shc-issuer URL --shc-jwks FILE [--shc-crl FILE]…</c>.</summary>
    private static ShcIssuerEntry[] ShcIssuers(string[] args)
    {
        var issuer = Array.IndexOf(args, "--shc-issuer");
        var jwks = Array.IndexOf(args, "--shc-jwks");
        if (issuer < 0 || jwks < 0 || issuer == args.Length - 1 || jwks == args.Length - 1)
        {
            return [];
        }

        var crls = args.Select((a, i) => (a, i)).Where(p => p.a == "--shc-crl" && p.i < args.Length - 1).Select(p => File.ReadAllText(args[p.i + 1]));
        return [new ShcIssuerEntry(args[issuer + 1], File.ReadAllText(args[jwks + 1]), [.. crls])];
    }
}
