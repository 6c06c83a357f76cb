using Microsoft.Data.Sqlite;

namespace ScanPoint.FleetServer.Storage;

public sealed partial class SqliteFleetStore
{
    public Task<bool> AddEnrolmentAsync(EnrolmentRecord enrolment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(enrolment);
        return WriteAsync(
            writer =>
            {
                using var command = writer.CreateCommand();
                command.CommandText = SqliteFleetStoreSql.InsertEnrolment;
                command.Parameters.AddWithValue("$code_id", enrolment.CodeId);
                command.Parameters.AddWithValue("$secret_hash", enrolment.SecretHash);
                command.Parameters.AddWithValue("$province", enrolment.Province);
                command.Parameters.AddWithValue("$site_id", enrolment.SiteId);
                command.Parameters.AddWithValue("$created_at", SqliteTimestamp.ToText(enrolment.CreatedAt));
                command.Parameters.AddWithValue("$expires_at", SqliteTimestamp.ToText(enrolment.ExpiresAt));
                command.Parameters.AddWithValue("$device_id", (object?)enrolment.DeviceId ?? DBNull.Value);
                return command.ExecuteNonQuery() == 1;
            },
            cancellationToken);
    }

    public Task<EnrolmentClaim> ClaimEnrolmentAsync(string codeId, string secretHash, string deviceId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(codeId);
        ArgumentNullException.ThrowIfNull(secretHash);
        ArgumentNullException.ThrowIfNull(deviceId);
        return WriteAsync(
            writer =>
            {
                using var transaction = writer.BeginTransaction();
                var code = ReadEnrolments(writer, transaction, "WHERE code_id = $code_id", codeId).SingleOrDefault();
                var outcome = EnrolmentRules.Judge(code, secretHash, now);
                DeviceRecord? device = null;
                if (outcome == EnrolmentOutcome.WrongSecret)
                {
                    Execute(writer, transaction, SqliteFleetStoreSql.CountFailedEnrolment, ("$code_id", codeId));
                }
                else if (outcome == EnrolmentOutcome.Enrolled)
                {
                    if (code!.DeviceId is { } existing)
                    {
                        // a re-enrolment code: the existing device, unless it is gone or revoked
                        device = ReadDevice(writer, transaction, existing);
                        if (device is null || device.RevokedAt is not null)
                        {
                            return new EnrolmentClaim(EnrolmentOutcome.DeviceGone);
                        }
                    }
                    else
                    {
                        device = new DeviceRecord(deviceId, code.Province, code.SiteId, "", now);
                        var added = Execute(
                            writer,
                            transaction,
                            SqliteFleetStoreSql.InsertDevice,
                            ("$device_id", deviceId),
                            ("$province", device.Province),
                            ("$site_id", device.SiteId),
                            ("$secret_hash", ""),
                            ("$created_at", SqliteTimestamp.ToText(now)));
                        if (added == 0)
                        {
                            return new EnrolmentClaim(EnrolmentOutcome.DeviceIdTaken);
                        }
                    }

                    Execute(writer, transaction, SqliteFleetStoreSql.UseEnrolment, ("$code_id", codeId), ("$used_at", SqliteTimestamp.ToText(now)), ("$device_id", device.DeviceId));
                }

                transaction.Commit();
                return new EnrolmentClaim(outcome, device);
            },
            cancellationToken);
    }

    public Task<IReadOnlyList<EnrolmentRecord>> ListEnrolmentsAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        using var connection = OpenReader();
        IReadOnlyList<EnrolmentRecord> all = [.. ReadEnrolments(connection, null, "", null).OrderByDescending(e => e.CreatedAt).ThenBy(e => e.CodeId, StringComparer.Ordinal)];
        return Task.FromResult(all);
    }

    private static List<EnrolmentRecord> ReadEnrolments(SqliteConnection connection, SqliteTransaction? transaction, string where, string? codeId)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = SqliteFleetStoreSql.SelectEnrolments + " " + where;
        if (codeId is not null)
        {
            command.Parameters.AddWithValue("$code_id", codeId);
        }

        using var reader = command.ExecuteReader();
        var result = new List<EnrolmentRecord>();
        while (reader.Read())
        {
            result.Add(new EnrolmentRecord(
                reader.GetString(0),
                reader.GetString(1),
                reader.GetString(2),
                reader.GetString(3),
                SqliteTimestamp.FromText(reader.GetString(4)),
                SqliteTimestamp.FromText(reader.GetString(5)),
                reader.IsDBNull(6) ? null : SqliteTimestamp.FromText(reader.GetString(6)),
                reader.IsDBNull(7) ? null : reader.GetString(7),
                reader.GetInt32(8)));
        }

        return result;
    }

    private static int Execute(SqliteConnection connection, SqliteTransaction transaction, string sql, params (string Name, object Value)[] parameters)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return command.ExecuteNonQuery();
    }
}
