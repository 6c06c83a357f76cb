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

    /// <summary>
    /// The relay outbox (see <c>IFleetStore.Relay.cs</c>): statement-level triggers on <c>check_ins</c> fill it from
    /// the rows an insert really added (its transition table), in the inserting transaction, and empty it of deleted
    /// check-ins. The first migration that creates the trigger also enqueues the check-ins stored before it. Run
    /// after <see cref="CreateTables"/>, in its transaction (under its advisory lock).
    /// </summary>
    public const string CreateRelay = """
        CREATE TABLE IF NOT EXISTS relay_outbox (
            outbox_id  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            device_id  text   NOT NULL,
            seq        bigint NOT NULL,
            attempts   int    NOT NULL DEFAULT 0,
            last_error text
        );
        ALTER TABLE relay_outbox ADD COLUMN IF NOT EXISTS attempts int NOT NULL DEFAULT 0;
        ALTER TABLE relay_outbox ADD COLUMN IF NOT EXISTS last_error text;
        CREATE INDEX IF NOT EXISTS relay_outbox_check_in ON relay_outbox (device_id, seq);
        CREATE TABLE IF NOT EXISTS relay_dead_letters (
            device_id text        NOT NULL,
            seq       bigint      NOT NULL,
            code      text        NOT NULL,
            reason    text        NOT NULL,
            dead_at   timestamptz NOT NULL,
            attempts  int         NOT NULL DEFAULT 0,
            PRIMARY KEY (device_id, seq)
        );
        ALTER TABLE relay_dead_letters ADD COLUMN IF NOT EXISTS attempts int NOT NULL DEFAULT 0;
        CREATE OR REPLACE FUNCTION relay_enqueue() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
        BEGIN
            INSERT INTO relay_outbox (device_id, seq) SELECT device_id, seq FROM relay_new_check_ins ORDER BY device_id, seq;
            RETURN NULL;
        END $$;
        CREATE OR REPLACE FUNCTION relay_forget() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
        BEGIN
            DELETE FROM relay_outbox o USING relay_old_check_ins d WHERE o.device_id = d.device_id AND o.seq = d.seq;
            RETURN NULL;
        END $$;
        INSERT INTO relay_outbox (device_id, seq)
        SELECT device_id, seq FROM check_ins
        WHERE NOT EXISTS (SELECT 1 FROM pg_trigger WHERE tgname = 'check_ins_relay_enqueue' AND tgrelid = 'check_ins'::regclass)
        ORDER BY received_at, device_id, seq;
        CREATE OR REPLACE TRIGGER check_ins_relay_enqueue AFTER INSERT ON check_ins
            REFERENCING NEW TABLE AS relay_new_check_ins FOR EACH STATEMENT EXECUTE FUNCTION relay_enqueue();
        CREATE OR REPLACE TRIGGER check_ins_relay_forget AFTER DELETE ON check_ins
            REFERENCING OLD TABLE AS relay_old_check_ins FOR EACH STATEMENT EXECUTE FUNCTION relay_forget();
        """;

    public const string SelectPendingRelay = """
        SELECT o.outbox_id, c.id, c.device_id, c.seq, c.site_id, coalesce(d.province, ''), c.at, c.format, c.verdict,
               c.payload_hash, c.received_at, c.person_key, c.person_name, c.person_birth_date
        FROM (SELECT outbox_id, device_id, seq FROM relay_outbox WHERE outbox_id > @after ORDER BY outbox_id LIMIT @max) o
        JOIN check_ins c ON c.device_id = o.device_id AND c.seq = o.seq
        LEFT JOIN devices d ON d.device_id = c.device_id
        ORDER BY o.outbox_id
        """;

    /// <summary>Dead letters first (they read the outbox rows), then every completed entry leaves the outbox.</summary>
    public const string CompleteRelay = """
        INSERT INTO relay_dead_letters (device_id, seq, code, reason, dead_at, attempts)
        SELECT o.device_id, o.seq, r.code, r.reason, @dead_at, o.attempts
        FROM unnest(@rejected_ids, @codes, @reasons) AS r (outbox_id, code, reason)
        JOIN relay_outbox o ON o.outbox_id = r.outbox_id
        ON CONFLICT (device_id, seq) DO UPDATE
        SET code = excluded.code, reason = excluded.reason, dead_at = excluded.dead_at, attempts = excluded.attempts;
        DELETE FROM relay_outbox WHERE outbox_id = ANY(@ids);
        """;

    public const string SelectRelayBacklog = """
        SELECT (SELECT count(*) FROM relay_outbox),
               (SELECT c.received_at FROM relay_outbox o JOIN check_ins c ON c.device_id = o.device_id AND c.seq = o.seq
                ORDER BY o.outbox_id LIMIT 1),
               (SELECT count(*) FROM relay_dead_letters)
        """;

    /// <summary>One more failed attempt on each entry of @ids, with the error (run before <see cref="MoveExhausted"/>).</summary>
    public const string CountRelayFailure = """
        UPDATE relay_outbox SET attempts = attempts + 1, last_error = @error WHERE outbox_id = ANY(@ids)
        """;

    /// <summary>Entries of @ids that failed @max times leave the outbox for the dead letters.</summary>
    public const string MoveExhausted = """
        WITH gone AS (DELETE FROM relay_outbox WHERE outbox_id = ANY(@ids) AND attempts >= @max RETURNING device_id, seq, attempts, last_error)
        INSERT INTO relay_dead_letters (device_id, seq, code, reason, dead_at, attempts)
        SELECT device_id, seq, 'ATTEMPTS', attempts || ' failed attempts; last: ' || coalesce(last_error, ''), @dead_at, attempts FROM gone
        ON CONFLICT (device_id, seq) DO UPDATE
        SET code = excluded.code, reason = excluded.reason, dead_at = excluded.dead_at, attempts = excluded.attempts
        """;

    /// <summary>@province null: every dead letter.</summary>
    public const string SelectDeadLetters = """
        SELECT l.device_id, l.seq, coalesce(d.province, ''), l.code, l.reason, l.attempts, l.dead_at
        FROM relay_dead_letters l LEFT JOIN devices d ON d.device_id = l.device_id
        WHERE @province::text IS NULL OR d.province = @province::text
        ORDER BY l.dead_at DESC, l.device_id COLLATE "C", l.seq LIMIT @max
        """;

    /// <summary>Out of the dead letters and back into the outbox (attempts start again at 0); @province null: all.</summary>
    public const string ReplayDeadLetters = """
        WITH moved AS (
            DELETE FROM relay_dead_letters
            WHERE @province::text IS NULL OR device_id IN (SELECT device_id FROM devices WHERE province = @province::text)
            RETURNING device_id, seq, dead_at)
        INSERT INTO relay_outbox (device_id, seq) SELECT device_id, seq FROM moved ORDER BY dead_at, device_id, seq
        """;
}
