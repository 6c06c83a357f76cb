using ScanPoint.FleetServer.Storage;

namespace ScanPoint.FleetServer.Sites;

/// <summary>
/// <c>fleet-server sites import FILE.csv</c>: validates the whole file (<see cref="SiteCsv"/>) and then adds or updates
/// every site in one transaction; nothing is written when a line is bad.
/// </summary>
internal static class SitesCommand
{
    public const long MaxFileBytes = 64L * 1024 * 1024;

    public static async Task<int> RunAsync(string[] args, IConfiguration configuration)
    {
        if (args is not ["import", var path, ..] || path.StartsWith("--", StringComparison.Ordinal))
        {
            Console.Error.WriteLine($"usage: fleet-server sites import FILE.csv   (header {SiteCsv.Header})");
            return 2;
        }

        if (!File.Exists(path))
        {
            Console.Error.WriteLine($"sites import: no file '{path}'");
            return 2;
        }

        if (new FileInfo(path).Length > MaxFileBytes)
        {
            Console.Error.WriteLine($"sites import: '{path}' is larger than {MaxFileBytes / 1024 / 1024} MiB");
            return 2;
        }

        using var reader = new StreamReader(path);
        var (sites, error) = await SiteCsv.ReadAsync(reader, CancellationToken.None).ConfigureAwait(false);
        if (error is not null)
        {
            Console.Error.WriteLine($"sites import: {path}: {error}; nothing imported");
            return 1;
        }

        var options = configuration.GetSection(StorageOptions.SectionName).Get<StorageOptions>() ?? new StorageOptions();
        await using var store = await FleetStoreFactory.OpenAsync(options, CancellationToken.None).ConfigureAwait(false);
        var count = await store.Sites.UpsertAsync(sites, CancellationToken.None).ConfigureAwait(false);
        Console.WriteLine($"sites import: {count} sites added or updated");
        return 0;
    }
}
