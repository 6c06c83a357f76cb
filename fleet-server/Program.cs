using ScanPoint.FleetServer.Devices;
using ScanPoint.FleetServer.Hosting;
using ScanPoint.FleetServer.Management;
using ScanPoint.FleetServer.Trust;
using ScanPoint.FleetServer.Users;

var command = Array.IndexOf(args, "devices");
if (command >= 0)
{
    return await DevicesCommand.RunAsync(args[(command + 1)..], CommandConfiguration(args), TimeProvider.System);
}

var provinces = Array.IndexOf(args, "provinces");
if (provinces >= 0 && args.Length > provinces + 1 && args[provinces + 1] == "policy")
{
    return await SettingsCommand.RunPolicyAsync(args[(provinces + 1)..], CommandConfiguration(args), TimeProvider.System);
}

if (args is ["users", ..])
{
    return await UsersCommand.RunAsync(args[1..], CommandConfiguration(args), TimeProvider.System, Console.In, Console.IsInputRedirected);
}

if (args is ["sites", ..])
{
    return await ScanPoint.FleetServer.Sites.SitesCommand.RunAsync(args[1..], CommandConfiguration(args));
}

if (args is ["broker-cert", ..])
{
    return ScanPoint.FleetServer.External.BrokerCertificateCommand.Run(args[1..], CommandConfiguration(args), TimeProvider.System);
}

var trust = Array.IndexOf(args, "trust");
if (trust >= 0)
{
    return TrustCommand.Run(args[(trust + 1)..], CommandConfiguration(args), TimeProvider.System);
}

await FleetServerApp.Build(args).RunAsync();
return 0;

static IConfiguration CommandConfiguration(string[] args) => new ConfigurationBuilder()
    .AddJsonFile("appsettings.json", optional: true)
    .AddEnvironmentVariables()
    .AddCommandLine(args.Where(a => a.StartsWith("--", StringComparison.Ordinal) && a.Contains(':', StringComparison.Ordinal)).ToArray())
    .Build();

public partial class Program;
