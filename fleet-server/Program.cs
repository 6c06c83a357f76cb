using ScanPoint.FleetServer.Devices;
using ScanPoint.FleetServer.Hosting;
using ScanPoint.FleetServer.Management;
using ScanPoint.FleetServer.Trust;
using ScanPoint.FleetServer.Users;

// The command is the first argument that is not a --Section:Key=value setting, so settings may come before or after it.
var at = Array.FindIndex(args, a => !a.StartsWith("--", StringComparison.Ordinal));
var rest = at >= 0 ? args[(at + 1)..] : [];
switch (at >= 0 ? args[at] : null)
{
    case "devices":
        return await DevicesCommand.RunAsync(rest, CommandConfiguration(args), TimeProvider.System);
    case "provinces" when rest is ["policy", ..]:
        return await SettingsCommand.RunPolicyAsync(rest, CommandConfiguration(args), TimeProvider.System);
    case "users":
        return await UsersCommand.RunAsync(rest, CommandConfiguration(args), TimeProvider.System, Console.In, Console.IsInputRedirected);
    case "sites":
        return await ScanPoint.FleetServer.Sites.SitesCommand.RunAsync(rest, CommandConfiguration(args));
    case "broker-cert":
        return ScanPoint.FleetServer.External.BrokerCertificateCommand.Run(rest, CommandConfiguration(args), TimeProvider.System);
    case "trust":
        return TrustCommand.Run(rest, CommandConfiguration(args), TimeProvider.System);
    case { } unknown:
        Console.Error.WriteLine($"unknown command '{unknown}': devices, provinces policy, users, sites, broker-cert, trust, or none to run the server (settings as --Section:Key=value)");
        return 2;
}

await FleetServerApp.Build(args).RunAsync();
return 0;

static IConfiguration CommandConfiguration(string[] args) => new ConfigurationBuilder()
    .AddJsonFile("appsettings.json", optional: true)
    .AddEnvironmentVariables()
    .AddCommandLine(args.Where(a => a.StartsWith("--", StringComparison.Ordinal) && a.Contains(':', StringComparison.Ordinal)).ToArray())
    .Build();

public partial class Program;
