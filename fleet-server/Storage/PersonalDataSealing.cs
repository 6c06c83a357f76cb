using System.Data.Common;
using ScanPoint.FleetServer.Privacy;

namespace ScanPoint.FleetServer.Storage;

/// <summary>
/// Seals, once per database, the names and birth dates stored in clear before sealing existed, in batches of
/// <see cref="BatchSize"/> rows per transaction; a marker row in <c>personal_data_sealing</c> records that it is done so
/// later migrations skip the scan. Two replicas doing it at once only seal a row twice (both seals open).
/// </summary>
internal static class PersonalDataSealing
{
    public const int BatchSize = 1000;

    public const string CreateSqlite = "CREATE TABLE IF NOT EXISTS personal_data_sealing (name TEXT NOT NULL PRIMARY KEY);";

    public const string CreatePostgres = "CREATE TABLE IF NOT EXISTS personal_data_sealing (name text NOT NULL PRIMARY KEY);";

    private const string Done = "SELECT count(*) FROM personal_data_sealing WHERE name = 'v1'";

    private const string MarkDone = "INSERT INTO personal_data_sealing (name) VALUES ('v1') ON CONFLICT DO NOTHING";

    private const string SelectClear = """
        SELECT device_id, seq, person_name, person_birth_date FROM check_ins
        WHERE (person_name IS NOT NULL AND person_name NOT LIKE 'v1:%') OR (person_birth_date IS NOT NULL AND person_birth_date NOT LIKE 'v1:%')
        LIMIT @max
        """;

    private const string Update = "UPDATE check_ins SET person_name = @name, person_birth_date = @birth WHERE device_id = @device_id AND seq = @seq";

    /// <summary>Returns how many rows were sealed (0 once done).</summary>
    public static async Task<int> SealClearValuesAsync(ManagementDatabase db, Func<PersonalDataCipher> cipher, CancellationToken cancellationToken)
    {
        var done = await db.ReadAsync(async c =>
        {
            await using var command = DbCommands.Create(c, Done);
            return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture) > 0;
        }, cancellationToken).ConfigureAwait(false);
        if (done)
        {
            return 0;
        }

        var total = 0;
        int sealedNow;
        do
        {
            sealedNow = await db.WriteAsync(c => SealBatchAsync(c, cipher, cancellationToken), cancellationToken).ConfigureAwait(false);
            total += sealedNow;
        }
        while (sealedNow == BatchSize);

        await db.WriteAsync(c => DbCommands.ExecuteAsync(c, MarkDone, cancellationToken), cancellationToken).ConfigureAwait(false);
        return total;
    }

    private static async Task<int> SealBatchAsync(DbConnection connection, Func<PersonalDataCipher> cipher, CancellationToken cancellationToken)
    {
        var rows = new List<(string DeviceId, long Seq, string? Name, string? Birth)>();
        await using (var select = DbCommands.Create(connection, SelectClear, ("max", BatchSize)))
        await using (var r = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await r.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                rows.Add((r.GetString(0), r.GetInt64(1), r.IsDBNull(2) ? null : r.GetString(2), r.IsDBNull(3) ? null : r.GetString(3)));
            }
        }

        if (rows.Count == 0)
        {
            return 0;
        }

        var key = cipher();
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        foreach (var (deviceId, seq, name, birth) in rows)
        {
            await using var update = DbCommands.Create(
                connection, Update, ("name", Seal(key, name, deviceId, seq)), ("birth", Seal(key, birth, deviceId, seq)), ("device_id", deviceId), ("seq", seq));
            update.Transaction = transaction;
            await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return rows.Count;
    }

    private static string? Seal(PersonalDataCipher cipher, string? value, string deviceId, long seq) =>
        value is null || value.StartsWith(PersonalDataCipher.Prefix, StringComparison.Ordinal) ? value : cipher.Seal(value, deviceId, seq);
}
