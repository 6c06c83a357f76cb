using Microsoft.Data.Sqlite;
using ScanPoint.Contracts.CheckIns;
using ScanPoint.FleetServer.Privacy;

namespace ScanPoint.FleetServer.Storage;

/// <summary>
/// Inserts one batch of check-ins with a single prepared statement inside the caller's transaction, then adds
/// what was new to the per-device counters in the same transaction. Name and birth date are sealed per row.
/// </summary>
internal static class SqliteCheckInBatch
{
    public static int Insert(
        SqliteConnection connection,
        SqliteTransaction transaction,
        IReadOnlyList<CheckInRecorded> checkIns,
        DateTimeOffset receivedAt,
        PersonalDataCipher cipher,
        CancellationToken cancellationToken)
    {
        using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = SqliteFleetStoreSql.InsertCheckIn;
        var deviceId = insert.Parameters.Add("$device_id", SqliteType.Text);
        var seq = insert.Parameters.Add("$seq", SqliteType.Integer);
        var id = insert.Parameters.Add("$id", SqliteType.Text);
        var siteId = insert.Parameters.Add("$site_id", SqliteType.Text);
        var at = insert.Parameters.Add("$at", SqliteType.Text);
        var format = insert.Parameters.Add("$format", SqliteType.Text);
        var verdict = insert.Parameters.Add("$verdict", SqliteType.Text);
        var payloadHash = insert.Parameters.Add("$payload_hash", SqliteType.Text);
        var personKey = insert.Parameters.Add("$person_key", SqliteType.Text);
        var personName = insert.Parameters.Add("$person_name", SqliteType.Text);
        var personBirthDate = insert.Parameters.Add("$person_birth_date", SqliteType.Text);
        var personIdHash = insert.Parameters.Add("$person_id_hash", SqliteType.Text);
        insert.Parameters.Add("$received_at", SqliteType.Text).Value = SqliteTimestamp.ToText(receivedAt);
        insert.Prepare();

        var counters = new Dictionary<string, (long CheckIns, long LastSeq, DateTimeOffset LastAt)>(StringComparer.Ordinal);
        var inserted = 0;
        foreach (var checkIn in checkIns)
        {
            cancellationToken.ThrowIfCancellationRequested();
            deviceId.Value = checkIn.DeviceId;
            seq.Value = checkIn.Seq;
            id.Value = checkIn.Id;
            siteId.Value = checkIn.SiteId;
            at.Value = SqliteTimestamp.ToText(checkIn.At);
            format.Value = checkIn.Format;
            verdict.Value = checkIn.Verdict;
            payloadHash.Value = checkIn.PayloadHash;
            personKey.Value = (object?)checkIn.Subject?.PersonKey ?? DBNull.Value;
            personName.Value = (object?)cipher.Seal(checkIn.Subject?.Name, checkIn.DeviceId, checkIn.Seq) ?? DBNull.Value;
            personBirthDate.Value = (object?)cipher.Seal(checkIn.Subject?.BirthDate, checkIn.DeviceId, checkIn.Seq) ?? DBNull.Value;
            personIdHash.Value = (object?)checkIn.Subject?.IdNumberHash ?? DBNull.Value;
            if (insert.ExecuteNonQuery() == 1)
            {
                inserted++;
                var counter = counters.GetValueOrDefault(checkIn.DeviceId, (0, long.MinValue, DateTimeOffset.MinValue));
                counters[checkIn.DeviceId] = (counter.CheckIns + 1, Math.Max(counter.LastSeq, checkIn.Seq), checkIn.At > counter.LastAt ? checkIn.At : counter.LastAt);
            }
        }

        AddToCounters(connection, transaction, counters);
        return inserted;
    }

    private static void AddToCounters(
        SqliteConnection connection, SqliteTransaction transaction, Dictionary<string, (long CheckIns, long LastSeq, DateTimeOffset LastAt)> counters)
    {
        if (counters.Count == 0)
        {
            return;
        }

        using var upsert = connection.CreateCommand();
        upsert.Transaction = transaction;
        upsert.CommandText = SqliteFleetStoreSql.UpsertCounter;
        var deviceId = upsert.Parameters.Add("$device_id", SqliteType.Text);
        var checkIns = upsert.Parameters.Add("$check_ins", SqliteType.Integer);
        var lastSeq = upsert.Parameters.Add("$last_seq", SqliteType.Integer);
        var lastAt = upsert.Parameters.Add("$last_at", SqliteType.Text);
        foreach (var (device, counter) in counters)
        {
            deviceId.Value = device;
            checkIns.Value = counter.CheckIns;
            lastSeq.Value = counter.LastSeq;
            lastAt.Value = SqliteTimestamp.ToText(counter.LastAt);
            upsert.ExecuteNonQuery();
        }
    }
}
