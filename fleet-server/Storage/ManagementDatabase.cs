using System.Data.Common;

namespace ScanPoint.FleetServer.Storage;

/// <summary>How <see cref="ManagementStore"/> reaches a store's database: connections and the store's timestamp type.</summary>
public abstract class ManagementDatabase
{
    public abstract Task<T> ReadAsync<T>(Func<DbConnection, Task<T>> read, CancellationToken cancellationToken);

    /// <summary>Runs <paramref name="write"/> where this store writes (SQLite: its one serialised, durable writer).</summary>
    public abstract Task<T> WriteAsync<T>(Func<DbConnection, Task<T>> write, CancellationToken cancellationToken);

    public abstract object ToDb(DateTimeOffset value);

    public abstract DateTimeOffset FromDb(DbDataReader reader, int ordinal);
}
