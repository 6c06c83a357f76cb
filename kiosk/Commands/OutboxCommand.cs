using Microsoft.Extensions.Logging.Abstractions;
using ScanPoint.Kiosk.Outbox;
using ScanPoint.Kiosk.Status;

namespace ScanPoint.Kiosk.Commands;

/// <summary><c>kiosk outbox --data-dir DIR</c>: pending count, oldest pending age, acknowledged count.</summary>
internal static class OutboxCommand
{
    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        var dataDir = CommandLine.Value(args, "--data-dir");
        if (dataDir is null)
        {
            Console.Error.WriteLine("usage: kiosk outbox --data-dir DIR");
            return 2;
        }

        var status = (await StatusSocket.QueryAsync(dataDir, CancellationToken.None).ConfigureAwait(false))?.Outbox;
        var source = "running kiosk";
        if (status is null)
        {
            try
            {
                using var outbox = new LiteDbCheckInOutbox(new FileOutboxStorage(dataDir), "", "", TimeProvider.System, NullLogger<LiteDbCheckInOutbox>.Instance);
                status = outbox.GetStatus();
                source = "outbox file";
            }
            catch (IOException ex)
            {
                Console.Error.WriteLine($"outbox: the outbox in {dataDir} is held by a kiosk that does not answer on its status socket yet ({ex.Message}); try again in a moment");
                return 1;
            }
        }

        var age = status.OldestPendingAt is { } at ? (TimeProvider.System.GetUtcNow() - at).ToString(@"d\.hh\:mm\:ss") : "-";
        Console.WriteLine($"pending: {status.Pending}");
        Console.WriteLine($"oldest pending age: {age}");
        Console.WriteLine($"acknowledged: {status.Acknowledged}");
        Console.WriteLine($"last seq: {status.LastSeq}");
        Console.WriteLine($"(from the {source})");
        return 0;
    }
}
