using System.Security.Cryptography;
using ScanPoint.Credentials.Declarations;

namespace ScanPoint.FleetServer.Trust;

/// <summary>
/// <c>fleet-server trust issue-pass --dir DEMO_DIR --type movement|health --name NAME --dob YYYY-MM-DD --id ID12
/// [--from PROVINCE --to PROVINCE] [--health ok|symptoms|exposed] [--hours N]</c>: mints a <c>DCL1:</c> pass with the
/// demo declaration signer made by <c>trust init-demo</c> and prints it.
/// </summary>
internal static class IssuePassCommand
{
    public static int Run(string[] args, TimeProvider time)
    {
        string? Value(string name) => Array.IndexOf(args, name) is var i and >= 0 && i < args.Length - 1 ? args[i + 1] : null;
        var (dir, type, name, dob, id) = (Value("--dir"), Value("--type"), Value("--name"), Value("--dob"), Value("--id"));
        if (dir is null || type is not ("movement" or "health") || name is null || dob is null || id is not { Length: 12 } || !id.All(char.IsAsciiDigit))
        {
            Console.Error.WriteLine("usage: fleet-server trust issue-pass --dir DEMO_DIR --type movement|health --name NAME --dob YYYY-MM-DD --id ID12 [--from P --to P] [--health ok] [--hours N]");
            return 2;
        }

        var movement = type == "movement";
        if (movement && (Value("--from") is null || Value("--to") is null))
        {
            Console.Error.WriteLine("issue-pass: a movement pass needs --from and --to province codes");
            return 2;
        }

        var passType = movement ? DeclarationPass.Movement : DeclarationPass.Health;
        var hours = int.TryParse(Value("--hours"), System.Globalization.CultureInfo.InvariantCulture, out var h) ? h : (int)DeclarationPass.MaxValidity(passType).TotalHours;
        using var key = ECDsa.Create();
        key.ImportFromPem(File.ReadAllText(Path.Combine(dir, DemoTrust.DeclarationKeyFile)));
        var issuer = new DeclarationIssuer(key, File.ReadAllBytes(Path.Combine(dir, DemoTrust.DeclarationCertFile)));
        var pass = new DeclarationPass(passType, name, dob, DeclarationIssuer.HashIdNumber(id), movement ? Value("--from") : null, movement ? Value("--to") : null, Value("--health") ?? "ok");
        var now = time.GetUtcNow();
        Console.WriteLine(issuer.Issue(pass, "VN", now, now.AddHours(hours)));
        return 0;
    }
}
