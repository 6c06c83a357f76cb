using System.Data.Common;

namespace ScanPoint.FleetServer.Storage;

public sealed partial class PostgresFleetStore
{
    private ManagementStore? _management;
    private UserStore? _users;

    public ManagementStore Management => _management ??= new ManagementStore(new PostgresManagementDatabase(this));

    public UserStore Users => _users ??= new UserStore(new PostgresManagementDatabase(this));

    /// <summary>Pooled connections from the store's data source; instants as <c>timestamptz</c>.</summary>
    private sealed class PostgresManagementDatabase(PostgresFleetStore store) : ManagementDatabase
    {
        public override async Task<T> ReadAsync<T>(Func<DbConnection, Task<T>> read, CancellationToken cancellationToken)
        {
            await using var connection = await store._dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            return await read(connection).ConfigureAwait(false);
        }

        public override Task<T> WriteAsync<T>(Func<DbConnection, Task<T>> write, CancellationToken cancellationToken) => ReadAsync(write, cancellationToken);

        public override object ToDb(DateTimeOffset value) => value.ToUniversalTime();

        public override DateTimeOffset FromDb(DbDataReader reader, int ordinal) => reader.GetFieldValue<DateTimeOffset>(ordinal);
    }
}
