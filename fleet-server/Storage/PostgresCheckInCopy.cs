using Npgsql;
using NpgsqlTypes;
using ScanPoint.Contracts.CheckIns;
using ScanPoint.FleetServer.Privacy;

namespace ScanPoint.FleetServer.Storage;

/// <summary>
/// One ingest of <see cref="PostgresFleetStore"/> inside the caller's transaction: binary COPY into a staging table
/// dropped at commit, <c>INSERT ... ON CONFLICT DO NOTHING</c> from it, then the new rows added to the per-device
/// counters. Counters change only by what this transaction inserted, so they stay exact under concurrent ingest.
/// Name and birth date are sealed per row before they leave the process.
/// </summary>
internal static class PostgresCheckInCopy
{
    public static async Task<int> StoreAsync(
        NpgsqlConnection connection,
        IReadOnlyList<CheckInRecorded> checkIns,
        DateTimeOffset receivedAt,
        PersonalDataCipher cipher,
        CancellationToken cancellationToken)
    {
        await using (var create = new NpgsqlCommand(PostgresFleetStoreSql.CreateStaging, connection))
        {
            await create.ExecuteNonQueryAsync(cancellationToken);
        }

        await CopyAsync(connection, checkIns, cipher, cancellationToken);

        var deviceIds = new List<string>();
        var counts = new List<long>();
        var lastSeqs = new List<long>();
        var lastAts = new List<DateTimeOffset>();
        await using (var insert = new NpgsqlCommand(PostgresFleetStoreSql.InsertFromStaging, connection))
        {
            insert.Parameters.Add(new NpgsqlParameter<DateTimeOffset>("received_at", receivedAt.ToUniversalTime()));
            await using var reader = await insert.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                deviceIds.Add(reader.GetString(0));
                counts.Add(reader.GetInt64(1));
                lastSeqs.Add(reader.GetInt64(2));
                lastAts.Add(reader.GetFieldValue<DateTimeOffset>(3));
            }
        }

        if (deviceIds.Count == 0)
        {
            return 0;
        }

        await using (var upsert = new NpgsqlCommand(PostgresFleetStoreSql.UpsertCounters, connection))
        {
            upsert.Parameters.Add(new NpgsqlParameter<string[]>("device_ids", [.. deviceIds]));
            upsert.Parameters.Add(new NpgsqlParameter<long[]>("check_ins", [.. counts]));
            upsert.Parameters.Add(new NpgsqlParameter<long[]>("last_seqs", [.. lastSeqs]));
            upsert.Parameters.Add(new NpgsqlParameter<DateTimeOffset[]>("last_ats", [.. lastAts]));
            await upsert.ExecuteNonQueryAsync(cancellationToken);
        }

        return checked((int)counts.Sum());
    }

    private static async Task CopyAsync(
        NpgsqlConnection connection, IReadOnlyList<CheckInRecorded> checkIns, PersonalDataCipher cipher, CancellationToken cancellationToken)
    {
        await using var importer = await connection.BeginBinaryImportAsync(PostgresFleetStoreSql.CopyToStaging, cancellationToken);
        foreach (var checkIn in checkIns)
        {
            await importer.StartRowAsync(cancellationToken);
            await importer.WriteAsync(checkIn.DeviceId, NpgsqlDbType.Text, cancellationToken);
            await importer.WriteAsync(checkIn.Seq, NpgsqlDbType.Bigint, cancellationToken);
            await importer.WriteAsync(checkIn.Id, NpgsqlDbType.Text, cancellationToken);
            await importer.WriteAsync(checkIn.SiteId, NpgsqlDbType.Text, cancellationToken);
            await importer.WriteAsync(checkIn.At.ToUniversalTime(), NpgsqlDbType.TimestampTz, cancellationToken);
            await importer.WriteAsync(checkIn.Format, NpgsqlDbType.Text, cancellationToken);
            await importer.WriteAsync(checkIn.Verdict, NpgsqlDbType.Text, cancellationToken);
            await importer.WriteAsync(checkIn.PayloadHash, NpgsqlDbType.Text, cancellationToken);
            await WriteNullableAsync(importer, checkIn.Subject?.PersonKey, cancellationToken);
            await WriteNullableAsync(importer, cipher.Seal(checkIn.Subject?.Name, checkIn.DeviceId, checkIn.Seq), cancellationToken);
            await WriteNullableAsync(importer, cipher.Seal(checkIn.Subject?.BirthDate, checkIn.DeviceId, checkIn.Seq), cancellationToken);
            await WriteNullableAsync(importer, checkIn.Subject?.IdNumberHash, cancellationToken);
        }

        await importer.CompleteAsync(cancellationToken);
    }

    private static async Task WriteNullableAsync(NpgsqlBinaryImporter importer, string? value, CancellationToken cancellationToken)
    {
        if (value is null)
        {
            await importer.WriteNullAsync(cancellationToken);
        }
        else
        {
            await importer.WriteAsync(value, NpgsqlDbType.Text, cancellationToken);
        }
    }
}
