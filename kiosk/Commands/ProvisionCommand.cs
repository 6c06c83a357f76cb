using ScanPoint.Contracts.Devices;
using ScanPoint.Credentials.Trust;
using ScanPoint.Kiosk.Provisioning;
using ScanPoint.Kiosk.Verification;

namespace ScanPoint.Kiosk.Commands;

/// <summary>
/// <c>kiosk provision --code TICKET --data-dir DIR</c> (enrolment: a key made here, a certificate from the fleet CA) or
/// <c>kiosk provision --fleet mqtt://HOST:PORT --credential CREDENTIAL --data-dir DIR</c> (a device secret).
/// </summary>
internal static class ProvisionCommand
{
    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        if (CommandLine.Value(args, "--code") is { } code)
        {
            return await EnrolCommand.RunAsync(code, CommandLine.Value(args, "--data-dir"), Console.Out, Console.Error).ConfigureAwait(false);
        }

        return Run(args);
    }

    private static int Run(IReadOnlyList<string> args)
    {
        var fleet = CommandLine.Value(args, "--fleet");
        var credentialText = CommandLine.Value(args, "--credential");
        var dataDir = CommandLine.Value(args, "--data-dir");
        if (fleet is null || credentialText is null || dataDir is null)
        {
            Console.Error.WriteLine("usage: kiosk provision --code TICKET --data-dir DIR");
            Console.Error.WriteLine("       kiosk provision --fleet mqtt://HOST:PORT --credential CREDENTIAL --data-dir DIR [--trust-anchor PEM]");
            return 2;
        }

        if (!Uri.TryCreate(fleet, UriKind.Absolute, out var fleetUri) || fleetUri.Scheme != "mqtt")
        {
            Console.Error.WriteLine($"--fleet: '{fleet}' is not an mqtt://HOST:PORT address");
            return 2;
        }

        if (!DeviceCredential.TryParse(credentialText, out var credential))
        {
            Console.Error.WriteLine("--credential: not a device credential (expected the last line printed by 'fleet-server devices add')");
            return 2;
        }

        KioskIdentity.From(credential, fleetUri).Save(dataDir);
        if (CommandLine.Value(args, "--trust-anchor") is { } anchor)
        {
            // pin the national trust anchor: only bundles it signed will be believed
            using (TrustAnchor.FromPem(File.ReadAllText(anchor)))
            {
                File.Copy(anchor, Path.Combine(dataDir, KioskTrust.AnchorFileName), overwrite: true);
            }
        }

        Console.WriteLine($"provisioned {credential.DeviceId} (province {credential.Province}, site {credential.SiteId}) for {fleetUri} in {Path.GetFullPath(dataDir)}");
        return 0;
    }
}
