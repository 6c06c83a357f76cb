using Microsoft.Extensions.Hosting;
using ScanPoint.Kiosk;
using ScanPoint.Kiosk.Commands;

switch (args.FirstOrDefault())
{
    case "run":
        var builder = Host.CreateApplicationBuilder(CommandLine.ToConfiguration(args.Skip(1)));
        builder.Services.AddKiosk();
        using (var host = builder.Build())
        {
            if (await host.EnrolByScanIfNeededAsync())
            {
                await host.RunAsync();
            }
        }

        return 0;
    case "provision":
        return await ProvisionCommand.RunAsync(args);
    case "outbox":
        return await OutboxCommand.RunAsync(args);
    case "verify":
        return VerifyCommand.Run(args[1..], Console.Out, Console.Error);
    case "status":
        return await StatusCommand.RunAsync(args[1..], Console.Out, Console.Error);
    case "config":
        return ConfigCommand.Run(args[1..], TimeProvider.System, Console.Out, Console.Error);
    case "decode":
        return DecodeCommand.Run(args[1..], Console.Out, Console.Error);
    case "selftest":
        return await SelftestCommand.RunAsync(args[1..], Console.Out, Console.Error, TimeProvider.System, CancellationToken.None);
    default:
        Console.Error.WriteLine("usage: kiosk run --data-dir DIR [--scan-source lines:FILE|stdin]...");
        Console.Error.WriteLine("       kiosk provision --code TICKET --data-dir DIR");
        Console.Error.WriteLine("       kiosk provision --fleet mqtt://HOST:PORT --credential CREDENTIAL --data-dir DIR");
        Console.Error.WriteLine("       kiosk outbox --data-dir DIR");
        Console.Error.WriteLine("       kiosk status --data-dir DIR");
        Console.Error.WriteLine("       kiosk config show --data-dir DIR | kiosk config set KEY=VALUE [--override-lock] --data-dir DIR");
        Console.Error.WriteLine("       kiosk selftest --data-dir DIR [--json] [--test-card TEXT] [--timeout 10s] [--scan-source SPEC]...");
        Console.Error.WriteLine("       kiosk decode [--json] [--no-second-opinion] IMAGE...");
        Console.Error.WriteLine("       kiosk verify [--trust-bundle FILE --trust-anchor PEM] [--trust-dsc FILE]... [--at ISO8601] [--show-subject] [--json] (CODE | --file FILE)");
        return 2;
}
