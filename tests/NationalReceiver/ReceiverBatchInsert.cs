using System.Globalization;
using Microsoft.Data.Sqlite;
using ScanPoint.Contracts.Intake;

namespace ScanPoint.NationalReceiver;

/// <summary>One batch into the receiver's tables inside the caller's transaction, item by item with one prepared statement.</summary>
internal static class ReceiverBatchInsert
{
    public static IntakeResult Insert(SqliteConnection connection, SqliteTransaction transaction, IntakeBatch batch, DateTimeOffset now)
    {
        var storedAt = Text(now);
        using (var upsert = connection.CreateCommand())
        {
            upsert.Transaction = transaction;
            upsert.CommandText = ReceiverSql.UpsertBatch;
            upsert.Parameters.AddWithValue("$batch_id", batch.BatchId);
            upsert.Parameters.AddWithValue("$at", storedAt);
            upsert.ExecuteNonQuery();
        }

        using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = ReceiverSql.InsertCheckIn;
        string[] names =
        [
            "$id", "$device_id", "$seq", "$site_id", "$province", "$at", "$format", "$verdict", "$payload_hash", "$received_at",
            "$person_key", "$person_name", "$person_birth_date",
        ];
        var p = names.Select(n => insert.Parameters.Add(n, SqliteType.Text)).ToArray();
        insert.Parameters.AddWithValue("$batch_id", batch.BatchId);
        insert.Parameters.AddWithValue("$stored_at", storedAt);
        insert.Prepare();

        var accepted = new List<string>();
        var duplicates = new List<string>();
        var rejected = new List<IntakeRejection>();
        foreach (var item in batch.Items)
        {
            if (IntakeValidation.Validate(item) is { } rejection)
            {
                rejected.Add(rejection);
                continue;
            }

            object?[] values =
            [
                item.Id, item.DeviceId, item.Seq, item.SiteId, item.Province, Text(item.At), item.Format, item.Verdict,
                item.PayloadHash, Text(item.ReceivedAt), item.PersonKey, item.PersonName,
                item.PersonBirthDate,
            ];
            for (var i = 0; i < p.Length; i++)
            {
                p[i].Value = values[i] ?? DBNull.Value;
            }

            switch (insert.ExecuteScalar())
            {
                case 1L:
                    accepted.Add(item.Id);
                    break;
                case long:
                    duplicates.Add(item.Id);
                    break;
                default:
                    rejected.Add(new IntakeRejection(item.Id, IntakeValidation.Conflict, "this id is held with other content"));
                    break;
            }
        }

        return new IntakeResult(batch.BatchId, accepted, duplicates, rejected);
    }

    private static string Text(DateTimeOffset value) => value.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);
}
