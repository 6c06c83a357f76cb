using ScanPoint.FleetServer.Privacy;

namespace ScanPoint.FleetServer.Storage;

/// <summary>Opens the configured store; used by the server and by the command-line tools alike.</summary>
public static class FleetStoreFactory
{
    public static async Task<IFleetStore> OpenAsync(StorageOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var cipher = PersonalDataCipher.FromFile(options.PersonalDataKeyFile());
        IFleetStore store = options.Provider switch
        {
            "postgres" => new PostgresFleetStore(options.Postgres, options.PostgresSchema, cipher: cipher),
            _ => OpenSqlite(Path.GetFullPath(options.SqlitePath), cipher),
        };
        await store.MigrateAsync(cancellationToken).ConfigureAwait(false);
        return store;
    }

    private static SqliteFleetStore OpenSqlite(string path, PersonalDataCipher cipher)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        return new SqliteFleetStore(path, cipher: cipher);
    }
}
