using ScanPoint.Credentials.Trust;
using ScanPoint.FleetServer.Enrolment;

namespace ScanPoint.FleetServer.Trust;

/// <summary>
/// <c>fleet-server trust import --bundle FILE</c>: verifies a bundle signed by the national anchor and makes it the
/// current one in <c>Trust:Dir</c>. A forged, unsigned or malformed bundle, or one not newer than the current one, is
/// refused (exit 1). The fleet server cannot sign bundles: it only distributes what the anchor signed.
/// </summary>
internal static class TrustImportCommand
{
    public static int Run(string[] args, IConfiguration configuration)
    {
        var bundleIndex = Array.IndexOf(args, "--bundle");
        if (bundleIndex < 0 || bundleIndex == args.Length - 1)
        {
            Console.Error.WriteLine("usage: fleet-server trust import --bundle FILE [--Trust:Dir=DIR] [--Trust:Anchor=PEM]");
            return 2;
        }

        var options = configuration.GetSection(TrustOptions.SectionName).Get<TrustOptions>() ?? new TrustOptions();
        var enrolment = configuration.GetSection(EnrolmentOptions.SectionName).Get<EnrolmentOptions>() ?? new EnrolmentOptions();
        if (options.AnchorPath(enrolment) is not { } anchorPath || !File.Exists(anchorPath))
        {
            Console.Error.WriteLine("trust import refused: no trust anchor; set Trust:Anchor (or Enrolment:TrustAnchor) to the anchor's public key PEM file");
            return 1;
        }

        var path = args[bundleIndex + 1];
        if (!File.Exists(path) || new FileInfo(path).Length > TrustBundleLoader.MaxBytes)
        {
            Console.Error.WriteLine($"trust import refused: {path} does not exist or is larger than {TrustBundleLoader.MaxBytes} bytes");
            return 1;
        }

        using var anchor = TrustAnchor.FromPem(File.ReadAllText(anchorPath));
        var folder = new TrustFolder(options.Dir);
        var imported = TrustBundleFile.Verify(File.ReadAllBytes(path), anchor, out var problem);
        if (imported is null)
        {
            Console.Error.WriteLine($"trust import refused: {path} is not a bundle signed by the trust anchor {anchorPath} ({problem})");
            return 1;
        }

        var current = folder.ReadCurrent() is { } bytes ? TrustBundleFile.Verify(bytes, anchor, out _) : null;
        if (current is not null && imported.Version <= current.Version)
        {
            Console.Error.WriteLine($"trust import refused: version {imported.Version} is not newer than the current version {current.Version}");
            return 1;
        }

        folder.Store(imported.Bytes, imported.Version);
        Console.WriteLine($"trust bundle v{imported.Version} (sha256 {imported.Sha256}) is now current in {Path.GetFullPath(options.Dir)}; a running fleet server announces it within Trust:CheckInterval");
        return 0;
    }
}
