namespace ScanPoint.FleetServer.Storage;

/// <summary>
/// The SQL of <see cref="PostgresFleetStore"/>. Names are unqualified: the store's connections carry the schema as
/// their <c>search_path</c>, and the staging table lives in the session's own <c>pg_temp</c>.
/// </summary>
internal static class PostgresFleetStoreSql
{
    /// <summary>Null when the schema in the search path does not exist.</summary>
    public const string CurrentSchema = "SELECT current_schema()";

    public const string CreateTables = """
        SELECT pg_advisory_xact_lock(hashtext('scanpoint.fleet.migrate'));
        CREATE TABLE IF NOT EXISTS devices (
            device_id   text        NOT NULL PRIMARY KEY,
            province    text        NOT NULL,
            site_id     text        NOT NULL,
            secret_hash text        NOT NULL,
            created_at  timestamptz NOT NULL
        );
        ALTER TABLE devices ADD COLUMN IF NOT EXISTS revoked_at timestamptz;
        CREATE TABLE IF NOT EXISTS check_ins (
            device_id    text        NOT NULL,
            seq          bigint      NOT NULL,
            id           text        NOT NULL,
            site_id      text        NOT NULL,
            at           timestamptz NOT NULL,
            format       text        NOT NULL,
            verdict      text        NOT NULL,
            payload_hash text        NOT NULL,
            received_at  timestamptz NOT NULL,
            PRIMARY KEY (device_id, seq)
        );
        CREATE TABLE IF NOT EXISTS device_counters (
            device_id text   NOT NULL PRIMARY KEY,
            check_ins bigint NOT NULL,
            last_seq  bigint NOT NULL
        );
        ALTER TABLE device_counters ADD COLUMN IF NOT EXISTS last_at timestamptz;
        CREATE TABLE IF NOT EXISTS device_presence (
            device_id   text        NOT NULL PRIMARY KEY,
            state       text        NOT NULL,
            boot        bigint      NOT NULL,
            at          timestamptz NOT NULL,
            received_at timestamptz NOT NULL
        );
        CREATE TABLE IF NOT EXISTS device_heartbeat_last (
            device_id   text        NOT NULL PRIMARY KEY,
            received_at timestamptz NOT NULL,
            payload     text        NOT NULL
        );
        CREATE TABLE IF NOT EXISTS heartbeats (
            device_id   text        NOT NULL,
            received_at timestamptz NOT NULL,
            payload     text        NOT NULL
        );
        CREATE INDEX IF NOT EXISTS heartbeats_device_time ON heartbeats (device_id, received_at);
        CREATE TABLE IF NOT EXISTS enrolments (
            code_id         text        NOT NULL PRIMARY KEY,
            secret_hash     text        NOT NULL,
            province        text        NOT NULL,
            site_id         text        NOT NULL,
            created_at      timestamptz NOT NULL,
            expires_at      timestamptz NOT NULL,
            used_at         timestamptz,
            device_id       text,
            failed_attempts integer     NOT NULL DEFAULT 0
        );
        ALTER TABLE check_ins ADD COLUMN IF NOT EXISTS person_key text;
        ALTER TABLE check_ins ADD COLUMN IF NOT EXISTS person_name text;
        ALTER TABLE check_ins ADD COLUMN IF NOT EXISTS person_birth_date text;
        ALTER TABLE check_ins ADD COLUMN IF NOT EXISTS person_id_hash text;
        CREATE INDEX IF NOT EXISTS check_ins_person_key_at ON check_ins (person_key, at) WHERE person_key IS NOT NULL;
        """;

    /// <summary>Applies a presence unless it belongs to an earlier boot than the one stored (1 row = applied).</summary>
    public const string UpsertPresence = """
        INSERT INTO device_presence AS p (device_id, state, boot, at, received_at) VALUES (@device_id, @state, @boot, @at, @received_at)
        ON CONFLICT (device_id) DO UPDATE
        SET state = excluded.state, boot = excluded.boot, at = excluded.at, received_at = excluded.received_at
        WHERE excluded.boot >= p.boot
        """;

    public const string RecordHeartbeat = """
        INSERT INTO device_heartbeat_last (device_id, received_at, payload) VALUES (@device_id, @received_at, @payload)
        ON CONFLICT (device_id) DO UPDATE SET received_at = excluded.received_at, payload = excluded.payload;
        INSERT INTO heartbeats (device_id, received_at, payload) VALUES (@device_id, @received_at, @payload);
        """;

    public const string SelectDeviceHealth = """
        SELECT d.device_id, d.province, d.site_id, d.created_at, d.revoked_at, p.state, p.boot, p.at,
               h.received_at, h.payload, c.last_at, coalesce(c.check_ins, 0), p.received_at
        FROM devices d
        LEFT JOIN device_presence p ON p.device_id = d.device_id
        LEFT JOIN device_heartbeat_last h ON h.device_id = d.device_id
        LEFT JOIN device_counters c ON c.device_id = d.device_id
        ORDER BY d.device_id COLLATE "C"
        """;

    public const string ScansPerDay = """
        SELECT ((at AT TIME ZONE 'UTC') + make_interval(mins => @offset_minutes))::date, count(*)
        FROM check_ins WHERE device_id = @device_id AND at >= @from
        GROUP BY 1 ORDER BY 1
        """;

    public const string SelectHeartbeats = """
        SELECT received_at, payload FROM heartbeats WHERE device_id = @device_id AND received_at >= @from
        ORDER BY received_at LIMIT @max
        """;

    public const string InsertEnrolment = """
        INSERT INTO enrolments (code_id, secret_hash, province, site_id, created_at, expires_at, device_id)
        VALUES (@code_id, @secret_hash, @province, @site_id, @created_at, @expires_at, @device_id)
        ON CONFLICT (code_id) DO NOTHING
        """;

    public const string SelectEnrolments = """
        SELECT code_id, secret_hash, province, site_id, created_at, expires_at, used_at, device_id, failed_attempts
        FROM enrolments
        """;

    public const string CountFailedEnrolment = "UPDATE enrolments SET failed_attempts = failed_attempts + 1 WHERE code_id = @code_id";

    public const string UseEnrolment = "UPDATE enrolments SET used_at = @used_at, device_id = @device_id WHERE code_id = @code_id";

    public const string InsertDevice = """
        INSERT INTO devices (device_id, province, site_id, secret_hash, created_at)
        VALUES (@device_id, @province, @site_id, @secret_hash, @created_at)
        ON CONFLICT (device_id) DO NOTHING
        """;

    public const string SelectDevice = """
        SELECT device_id, province, site_id, secret_hash, created_at, revoked_at FROM devices WHERE device_id = @device_id
        """;

    public const string RevokeDevice = "UPDATE devices SET revoked_at = @revoked_at WHERE device_id = @device_id AND revoked_at IS NULL";

    public const string SelectRevokedSince = "SELECT device_id FROM devices WHERE revoked_at IS NOT NULL AND revoked_at >= @since";

    public const string CreateStaging = """
        CREATE TEMP TABLE incoming_check_ins (
            device_id    text        NOT NULL,
            seq          bigint      NOT NULL,
            id           text        NOT NULL,
            site_id      text        NOT NULL,
            at           timestamptz NOT NULL,
            format       text        NOT NULL,
            verdict      text        NOT NULL,
            payload_hash text        NOT NULL,
            person_key        text,
            person_name       text,
            person_birth_date text,
            person_id_hash    text
        ) ON COMMIT DROP
        """;

    public const string CopyToStaging = """
        COPY incoming_check_ins (device_id, seq, id, site_id, at, format, verdict, payload_hash,
                                 person_key, person_name, person_birth_date, person_id_hash) FROM STDIN (FORMAT BINARY)
        """;

    /// <summary>
    /// Moves staged rows in, in key order so that concurrent batches wait for each other instead of deadlocking,
    /// and returns per device how many were new, their highest seq and latest scan time.
    /// </summary>
    public const string InsertFromStaging = """
        WITH inserted AS (
            INSERT INTO check_ins (device_id, seq, id, site_id, at, format, verdict, payload_hash, received_at,
                                   person_key, person_name, person_birth_date, person_id_hash)
            SELECT device_id, seq, id, site_id, at, format, verdict, payload_hash, @received_at,
                   person_key, person_name, person_birth_date, person_id_hash
            FROM incoming_check_ins
            ORDER BY device_id, seq
            ON CONFLICT (device_id, seq) DO NOTHING
            RETURNING device_id, seq, at
        )
        SELECT device_id, count(*), max(seq), max(at) FROM inserted GROUP BY device_id ORDER BY device_id
        """;

    /// <summary>Adds new check-ins to the counters; rows are locked in device order, as above.</summary>
    public const string UpsertCounters = """
        INSERT INTO device_counters AS c (device_id, check_ins, last_seq, last_at)
        SELECT device_id, check_ins, last_seq, last_at FROM unnest(@device_ids, @check_ins, @last_seqs, @last_ats) AS n (device_id, check_ins, last_seq, last_at)
        ORDER BY device_id
        ON CONFLICT (device_id) DO UPDATE
        SET check_ins = c.check_ins + excluded.check_ins, last_seq = greatest(c.last_seq, excluded.last_seq),
            last_at = greatest(c.last_at, excluded.last_at)
        """;

    /// <summary>Two result sets: one row per registered device in ordinal id order, then the total.</summary>
    public const string SelectStats = """
        SELECT d.device_id, d.province, coalesce(c.check_ins, 0), coalesce(c.last_seq, 0), p.state, p.boot, p.at
        FROM devices d LEFT JOIN device_counters c ON c.device_id = d.device_id
        LEFT JOIN device_presence p ON p.device_id = d.device_id
        ORDER BY d.device_id COLLATE "C";
        SELECT coalesce(sum(check_ins), 0)::bigint FROM device_counters;
        """;
}
