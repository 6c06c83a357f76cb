using System.Globalization;

namespace ScanPoint.FleetServer.Storage;

/// <summary>
/// The append-only audit log over either store's database (<see cref="TracingSql"/>). Only inserts and reads exist
/// here; the database itself refuses UPDATE and DELETE on <c>audit_log</c> (triggers), and retention leaves it alone.
/// </summary>
public sealed class AuditStore(ManagementDatabase db)
{
    /// <summary>Appends an entry (its <see cref="AuditEntry.Id"/> is ignored) and returns its id once committed.</summary>
    public Task<long> AppendAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return db.WriteAsync(
            async c =>
            {
                await using var command = DbCommands.Create(
                    c, TracingSql.InsertAudit, ("at", db.ToDb(entry.At)), ("user_name", entry.UserName), ("role", entry.Role), ("action", entry.Action), ("parameters", entry.Parameters), ("row_count", entry.Rows));
                return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
            },
            cancellationToken);
    }

    /// <summary>
    /// Entries in [<paramref name="from"/>, <paramref name="to"/>), newest first, at most <paramref name="max"/>; only
    /// <paramref name="userName"/>'s when given; only ids below <paramref name="beforeId"/> when given (next page).
    /// </summary>
    public Task<IReadOnlyList<AuditEntry>> ReadAsync(
        DateTimeOffset from, DateTimeOffset to, string? userName, long? beforeId, int max, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(max);
        var sql = TracingSql.AuditColumns;
        var parameters = new List<(string, object?)> { ("from", db.ToDb(from)), ("to", db.ToDb(to)), ("max", max) };
        if (userName is not null)
        {
            sql += TracingSql.AuditByUser;
            parameters.Add(("user_name", userName));
        }

        if (beforeId is { } before)
        {
            sql += TracingSql.AuditBefore;
            parameters.Add(("before", before));
        }

        sql += TracingSql.AuditNewestFirst;
        return db.ReadAsync<IReadOnlyList<AuditEntry>>(
            async c =>
            {
                await using var command = DbCommands.Create(c, sql, [.. parameters]);
                await using var r = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                var entries = new List<AuditEntry>();
                while (await r.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    entries.Add(new AuditEntry(r.GetInt64(0), db.FromDb(r, 1), r.GetString(2), r.GetString(3), r.GetString(4), r.GetString(5), r.GetInt32(6)));
                }

                return entries;
            },
            cancellationToken);
    }
}
