using Microsoft.Extensions.Hosting;
using ScanPoint.Kiosk;
using ScanPoint.Kiosk.Commands;

switch (args.FirstOrDefault())
{
    case "run":
        var builder = Host.CreateApplicationBuilder(CommandLine.ToConfiguration(args.Skip(1)));
        builder.Services.AddKiosk();
        await builder.Build().RunAsync();
        return 0;
    case "provision":
        return ProvisionCommand.Run(args);
    case "outbox":
        return await OutboxCommand.RunAsync(args);
    default:
        Console.Error.WriteLine("usage: kiosk run --data-dir DIR [--scan-source lines:FILE|stdin]...");
        Console.Error.WriteLine("       kiosk provision --fleet mqtt://HOST:PORT --credential CREDENTIAL --data-dir DIR");
        Console.Error.WriteLine("       kiosk outbox --data-dir DIR");
        return 2;
}
