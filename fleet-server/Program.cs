using ScanPoint.FleetServer.Devices;
using ScanPoint.FleetServer.Hosting;

var command = Array.IndexOf(args, "devices");
if (command >= 0)
{
    var configuration = new ConfigurationBuilder()
        .AddJsonFile("appsettings.json", optional: true)
        .AddEnvironmentVariables()
        .AddCommandLine(args.Where(a => a.StartsWith("--", StringComparison.Ordinal) && a.Contains(':', StringComparison.Ordinal)).ToArray())
        .Build();
    return await DevicesCommand.RunAsync(args[(command + 1)..], configuration, TimeProvider.System);
}

await FleetServerApp.Build(args).RunAsync();
return 0;

public partial class Program;
