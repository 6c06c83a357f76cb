using Npgsql;

namespace ScanPoint.FleetServer.Storage;

public sealed partial class PostgresFleetStore
{
    public async Task<bool> AddEnrolmentAsync(EnrolmentRecord enrolment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(enrolment);
        await using var command = _dataSource.CreateCommand(PostgresFleetStoreSql.InsertEnrolment);
        command.Parameters.Add(new NpgsqlParameter<string>("code_id", enrolment.CodeId));
        command.Parameters.Add(new NpgsqlParameter<string>("secret_hash", enrolment.SecretHash));
        command.Parameters.Add(new NpgsqlParameter<string>("province", enrolment.Province));
        command.Parameters.Add(new NpgsqlParameter<string>("site_id", enrolment.SiteId));
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset>("created_at", enrolment.CreatedAt.ToUniversalTime()));
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset>("expires_at", enrolment.ExpiresAt.ToUniversalTime()));
        command.Parameters.Add(new NpgsqlParameter("device_id", NpgsqlTypes.NpgsqlDbType.Text) { Value = (object?)enrolment.DeviceId ?? DBNull.Value });
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public async Task<EnrolmentClaim> ClaimEnrolmentAsync(string codeId, string secretHash, string deviceId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(codeId);
        ArgumentNullException.ThrowIfNull(secretHash);
        ArgumentNullException.ThrowIfNull(deviceId);
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var code = (await ReadEnrolmentsAsync(connection, "WHERE code_id = @code_id FOR UPDATE", codeId, cancellationToken)).SingleOrDefault();
        var outcome = EnrolmentRules.Judge(code, secretHash, now);
        DeviceRecord? device = null;
        if (outcome == EnrolmentOutcome.WrongSecret)
        {
            await ExecuteAsync(connection, PostgresFleetStoreSql.CountFailedEnrolment, cancellationToken, new NpgsqlParameter<string>("code_id", codeId));
        }
        else if (outcome == EnrolmentOutcome.Enrolled)
        {
            if (code!.DeviceId is { } existing)
            {
                // a re-enrolment code: the existing device, unless it is gone or revoked
                device = await FindDeviceAsync(existing, cancellationToken);
                if (device is null || device.RevokedAt is not null)
                {
                    return new EnrolmentClaim(EnrolmentOutcome.DeviceGone);
                }
            }
            else
            {
                device = new DeviceRecord(deviceId, code.Province, code.SiteId, "", now);
                var added = await ExecuteAsync(
                    connection,
                    PostgresFleetStoreSql.InsertDevice,
                    cancellationToken,
                    new NpgsqlParameter<string>("device_id", deviceId),
                    new NpgsqlParameter<string>("province", device.Province),
                    new NpgsqlParameter<string>("site_id", device.SiteId),
                    new NpgsqlParameter<string>("secret_hash", ""),
                    new NpgsqlParameter<DateTimeOffset>("created_at", now.ToUniversalTime()));
                if (added == 0)
                {
                    return new EnrolmentClaim(EnrolmentOutcome.DeviceIdTaken);
                }
            }

            await ExecuteAsync(
                connection,
                PostgresFleetStoreSql.UseEnrolment,
                cancellationToken,
                new NpgsqlParameter<string>("code_id", codeId),
                new NpgsqlParameter<DateTimeOffset>("used_at", now.ToUniversalTime()),
                new NpgsqlParameter<string>("device_id", device.DeviceId));
        }

        await transaction.CommitAsync(cancellationToken);
        return new EnrolmentClaim(outcome, device);
    }

    public async Task<IReadOnlyList<EnrolmentRecord>> ListEnrolmentsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        return await ReadEnrolmentsAsync(connection, "ORDER BY created_at DESC, code_id COLLATE \"C\"", null, cancellationToken);
    }

    private static async Task<List<EnrolmentRecord>> ReadEnrolmentsAsync(NpgsqlConnection connection, string tail, string? codeId, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(PostgresFleetStoreSql.SelectEnrolments + " " + tail, connection);
        if (codeId is not null)
        {
            command.Parameters.Add(new NpgsqlParameter<string>("code_id", codeId));
        }

        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var result = new List<EnrolmentRecord>();
        while (await reader.ReadAsync(cancellationToken))
        {
            result.Add(new EnrolmentRecord(
                reader.GetString(0),
                reader.GetString(1),
                reader.GetString(2),
                reader.GetString(3),
                reader.GetFieldValue<DateTimeOffset>(4),
                reader.GetFieldValue<DateTimeOffset>(5),
                reader.IsDBNull(6) ? null : reader.GetFieldValue<DateTimeOffset>(6),
                reader.IsDBNull(7) ? null : reader.GetString(7),
                reader.GetInt32(8)));
        }

        return result;
    }

    private static async Task<int> ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken, params NpgsqlParameter[] parameters)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddRange(parameters);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
