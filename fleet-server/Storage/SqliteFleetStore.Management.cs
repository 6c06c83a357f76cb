using System.Data.Common;

namespace ScanPoint.FleetServer.Storage;

public sealed partial class SqliteFleetStore
{
    private ManagementStore? _management;
    private UserStore? _users;

    public ManagementStore Management => _management ??= new ManagementStore(new SqliteManagementDatabase(this));

    public UserStore Users => _users ??= new UserStore(new SqliteManagementDatabase(this));

    /// <summary>Reads on a pooled connection, writes on the store's one durable writer, instants as text.</summary>
    private sealed class SqliteManagementDatabase(SqliteFleetStore store) : ManagementDatabase
    {
        public override async Task<T> ReadAsync<T>(Func<DbConnection, Task<T>> read, CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await using var connection = store.OpenReader();
            return await read(connection).ConfigureAwait(false);
        }

        public override async Task<T> WriteAsync<T>(Func<DbConnection, Task<T>> write, CancellationToken cancellationToken)
        {
            await store._writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                ObjectDisposedException.ThrowIf(store._disposed, store);
                store._writer ??= SqliteConnections.OpenWriter(store._writerConnectionString);
                return await write(store._writer).ConfigureAwait(false);
            }
            finally
            {
                store._writeLock.Release();
            }
        }

        public override object ToDb(DateTimeOffset value) => SqliteTimestamp.ToText(value);

        public override DateTimeOffset FromDb(DbDataReader reader, int ordinal) => SqliteTimestamp.FromText(reader.GetString(ordinal));
    }
}
