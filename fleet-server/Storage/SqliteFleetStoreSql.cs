namespace ScanPoint.FleetServer.Storage;

/// <summary>The SQL of <see cref="SqliteFleetStore"/>. Timestamps are UTC text, see <see cref="SqliteTimestamp"/>.</summary>
internal static class SqliteFleetStoreSql
{
    public const string CreateTables = """
        CREATE TABLE IF NOT EXISTS devices (
            device_id   TEXT NOT NULL PRIMARY KEY,
            province    TEXT NOT NULL,
            site_id     TEXT NOT NULL,
            secret_hash TEXT NOT NULL,
            created_at  TEXT NOT NULL,
            revoked_at  TEXT
        ) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS check_ins (
            device_id    TEXT    NOT NULL,
            seq          INTEGER NOT NULL,
            id           TEXT    NOT NULL,
            site_id      TEXT    NOT NULL,
            at           TEXT    NOT NULL,
            format       TEXT    NOT NULL,
            verdict      TEXT    NOT NULL,
            payload_hash TEXT    NOT NULL,
            received_at  TEXT    NOT NULL,
            PRIMARY KEY (device_id, seq)
        ) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS device_counters (
            device_id TEXT    NOT NULL PRIMARY KEY,
            check_ins INTEGER NOT NULL,
            last_seq  INTEGER NOT NULL,
            last_at   TEXT
        ) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS device_presence (
            device_id   TEXT    NOT NULL PRIMARY KEY,
            state       TEXT    NOT NULL,
            boot        INTEGER NOT NULL,
            at          TEXT    NOT NULL,
            received_at TEXT    NOT NULL
        ) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS device_heartbeat_last (
            device_id   TEXT NOT NULL PRIMARY KEY,
            received_at TEXT NOT NULL,
            payload     TEXT NOT NULL
        ) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS heartbeats (
            device_id   TEXT NOT NULL,
            received_at TEXT NOT NULL,
            payload     TEXT NOT NULL
        );
        CREATE INDEX IF NOT EXISTS heartbeats_device_time ON heartbeats (device_id, received_at);
        CREATE TABLE IF NOT EXISTS enrolments (
            code_id         TEXT    NOT NULL PRIMARY KEY,
            secret_hash     TEXT    NOT NULL,
            province        TEXT    NOT NULL,
            site_id         TEXT    NOT NULL,
            created_at      TEXT    NOT NULL,
            expires_at      TEXT    NOT NULL,
            used_at         TEXT,
            device_id       TEXT,
            failed_attempts INTEGER NOT NULL DEFAULT 0
        ) WITHOUT ROWID;
        """;

    /// <summary>Applies a presence unless it belongs to an earlier boot than the one stored (1 row changed = applied).</summary>
    public const string UpsertPresence = """
        INSERT INTO device_presence (device_id, state, boot, at, received_at) VALUES ($device_id, $state, $boot, $at, $received_at)
        ON CONFLICT (device_id) DO UPDATE
        SET state = excluded.state, boot = excluded.boot, at = excluded.at, received_at = excluded.received_at
        WHERE excluded.boot >= device_presence.boot
        """;

    public const string UpsertLastHeartbeat = """
        INSERT INTO device_heartbeat_last (device_id, received_at, payload) VALUES ($device_id, $received_at, $payload)
        ON CONFLICT (device_id) DO UPDATE SET received_at = excluded.received_at, payload = excluded.payload
        """;

    public const string InsertHeartbeat = "INSERT INTO heartbeats (device_id, received_at, payload) VALUES ($device_id, $received_at, $payload)";

    public const string SelectDeviceHealth = """
        SELECT d.device_id, d.province, d.site_id, d.created_at, d.revoked_at, p.state, p.boot, p.at,
               h.received_at, h.payload, c.last_at, coalesce(c.check_ins, 0), p.received_at
        FROM devices d
        LEFT JOIN device_presence p ON p.device_id = d.device_id
        LEFT JOIN device_heartbeat_last h ON h.device_id = d.device_id
        LEFT JOIN device_counters c ON c.device_id = d.device_id
        ORDER BY d.device_id
        """;

    /// <summary>Check-in times are fixed-width UTC text: shift by the offset in minutes, then take the date.</summary>
    public const string ScansPerDay = """
        SELECT date(datetime(at, $offset_minutes || ' minutes')), count(*)
        FROM check_ins WHERE device_id = $device_id AND at >= $from
        GROUP BY 1 ORDER BY 1
        """;

    public const string SelectHeartbeats = """
        SELECT received_at, payload FROM heartbeats WHERE device_id = $device_id AND received_at >= $from
        ORDER BY received_at LIMIT $max
        """;

    public const string InsertEnrolment = """
        INSERT INTO enrolments (code_id, secret_hash, province, site_id, created_at, expires_at, device_id)
        VALUES ($code_id, $secret_hash, $province, $site_id, $created_at, $expires_at, $device_id)
        ON CONFLICT (code_id) DO NOTHING
        """;

    public const string SelectEnrolments = """
        SELECT code_id, secret_hash, province, site_id, created_at, expires_at, used_at, device_id, failed_attempts
        FROM enrolments
        """;

    public const string CountFailedEnrolment = "UPDATE enrolments SET failed_attempts = failed_attempts + 1 WHERE code_id = $code_id";

    public const string UseEnrolment = "UPDATE enrolments SET used_at = $used_at, device_id = $device_id WHERE code_id = $code_id";

    public const string InsertDevice = """
        INSERT INTO devices (device_id, province, site_id, secret_hash, created_at)
        VALUES ($device_id, $province, $site_id, $secret_hash, $created_at)
        ON CONFLICT (device_id) DO NOTHING
        """;

    public const string SelectDevice = """
        SELECT device_id, province, site_id, secret_hash, created_at, revoked_at FROM devices WHERE device_id = $device_id
        """;

    /// <summary>Columns added after the first release: files made before them get them at migration.</summary>
    public static readonly (string Table, string Column, string Type)[] AddedColumns =
    [
        ("devices", "revoked_at", "TEXT"),
        ("device_counters", "last_at", "TEXT"),
        ("check_ins", "person_key", "TEXT"),
        ("check_ins", "person_name", "TEXT"),
        ("check_ins", "person_birth_date", "TEXT"),
        ("check_ins", "person_id_hash", "TEXT"),
    ];

    /// <summary>Indexes over <see cref="AddedColumns"/>, created once they exist: tracing one person by key and time.</summary>
    public const string CreateAddedIndexes = """
        CREATE INDEX IF NOT EXISTS check_ins_person_key_at ON check_ins (person_key, at) WHERE person_key IS NOT NULL;
        """;

    public const string RevokeDevice = "UPDATE devices SET revoked_at = $revoked_at WHERE device_id = $device_id AND revoked_at IS NULL";

    public const string SelectRevokedSince = "SELECT device_id FROM devices WHERE revoked_at IS NOT NULL AND revoked_at >= $since";

    public const string InsertCheckIn = """
        INSERT INTO check_ins (device_id, seq, id, site_id, at, format, verdict, payload_hash, received_at,
                               person_key, person_name, person_birth_date, person_id_hash)
        VALUES ($device_id, $seq, $id, $site_id, $at, $format, $verdict, $payload_hash, $received_at,
                $person_key, $person_name, $person_birth_date, $person_id_hash)
        ON CONFLICT (device_id, seq) DO NOTHING
        """;

    public const string UpsertCounter = """
        INSERT INTO device_counters (device_id, check_ins, last_seq, last_at) VALUES ($device_id, $check_ins, $last_seq, $last_at)
        ON CONFLICT (device_id) DO UPDATE
        SET check_ins = check_ins + excluded.check_ins, last_seq = max(last_seq, excluded.last_seq),
            last_at = max(coalesce(last_at, ''), excluded.last_at)
        """;

    /// <summary>Two result sets: one row per registered device, then the total over all devices.</summary>
    public const string SelectStats = """
        SELECT d.device_id, d.province, coalesce(c.check_ins, 0), coalesce(c.last_seq, 0), p.state, p.boot, p.at
        FROM devices d LEFT JOIN device_counters c ON c.device_id = d.device_id
        LEFT JOIN device_presence p ON p.device_id = d.device_id
        ORDER BY d.device_id;
        SELECT coalesce(sum(check_ins), 0) FROM device_counters;
        """;

    /// <summary>
    /// The relay outbox (see <c>IFleetStore.Relay.cs</c>): filled by a trigger on <c>check_ins</c> in the inserting
    /// transaction; an <c>INSERT … ON CONFLICT DO NOTHING</c> that skips a row fires no trigger. The first migration
    /// that creates the trigger also enqueues the check-ins stored before it. Run after <see cref="CreateTables"/>.
    /// </summary>
    public const string CreateRelay = """
        CREATE TABLE IF NOT EXISTS relay_outbox (
            outbox_id  INTEGER PRIMARY KEY,
            device_id  TEXT    NOT NULL,
            seq        INTEGER NOT NULL,
            attempts   INTEGER NOT NULL DEFAULT 0,
            last_error TEXT
        );
        CREATE INDEX IF NOT EXISTS relay_outbox_check_in ON relay_outbox (device_id, seq);
        CREATE TABLE IF NOT EXISTS relay_dead_letters (
            device_id TEXT    NOT NULL,
            seq       INTEGER NOT NULL,
            code      TEXT    NOT NULL,
            reason    TEXT    NOT NULL,
            dead_at   TEXT    NOT NULL,
            attempts  INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (device_id, seq)
        ) WITHOUT ROWID;
        INSERT INTO relay_outbox (device_id, seq)
        SELECT device_id, seq FROM check_ins
        WHERE NOT EXISTS (SELECT 1 FROM sqlite_master WHERE type = 'trigger' AND name = 'check_ins_relay_enqueue')
        ORDER BY received_at, device_id, seq;
        CREATE TRIGGER IF NOT EXISTS check_ins_relay_enqueue AFTER INSERT ON check_ins
        BEGIN
            INSERT INTO relay_outbox (device_id, seq) VALUES (new.device_id, new.seq);
        END;
        CREATE TRIGGER IF NOT EXISTS check_ins_relay_forget AFTER DELETE ON check_ins
        BEGIN
            DELETE FROM relay_outbox WHERE device_id = old.device_id AND seq = old.seq;
        END;
        """;

    public const string SelectPendingRelay = """
        SELECT o.outbox_id, c.id, c.device_id, c.seq, c.site_id, coalesce(d.province, ''), c.at, c.format, c.verdict,
               c.payload_hash, c.received_at, c.person_key, c.person_name, c.person_birth_date
        FROM (SELECT outbox_id, device_id, seq FROM relay_outbox WHERE outbox_id > $after ORDER BY outbox_id LIMIT $max) o
        JOIN check_ins c ON c.device_id = o.device_id AND c.seq = o.seq
        LEFT JOIN devices d ON d.device_id = c.device_id
        ORDER BY o.outbox_id
        """;

    /// <summary>$ids is a JSON array of outbox ids.</summary>
    public const string DeleteRelayed = "DELETE FROM relay_outbox WHERE outbox_id IN (SELECT value FROM json_each($ids))";

    public const string InsertDeadLetter = """
        INSERT INTO relay_dead_letters (device_id, seq, code, reason, dead_at, attempts)
        SELECT device_id, seq, $code, $reason, $dead_at, attempts FROM relay_outbox WHERE outbox_id = $outbox_id
        ON CONFLICT (device_id, seq) DO UPDATE
        SET code = excluded.code, reason = excluded.reason, dead_at = excluded.dead_at, attempts = excluded.attempts
        """;

    public const string SelectRelayBacklog = """
        SELECT (SELECT count(*) FROM relay_outbox),
               (SELECT c.received_at FROM relay_outbox o JOIN check_ins c ON c.device_id = o.device_id AND c.seq = o.seq
                ORDER BY o.outbox_id LIMIT 1),
               (SELECT count(*) FROM relay_dead_letters)
        """;

    /// <summary>Relay columns added after the first release: files made before them get them at migration.</summary>
    public static readonly (string Table, string Column, string Type)[] AddedRelayColumns =
    [
        ("relay_outbox", "attempts", "INTEGER NOT NULL DEFAULT 0"),
        ("relay_outbox", "last_error", "TEXT"),
        ("relay_dead_letters", "attempts", "INTEGER NOT NULL DEFAULT 0"),
    ];

    /// <summary>$ids is a JSON array of outbox ids: one more failed attempt each, with the error.</summary>
    public const string CountRelayFailure = """
        UPDATE relay_outbox SET attempts = attempts + 1, last_error = $error WHERE outbox_id IN (SELECT value FROM json_each($ids))
        """;

    /// <summary>Entries of $ids that failed $max times become dead letters (run before <see cref="DeleteExhausted"/>).</summary>
    public const string InsertExhausted = """
        INSERT INTO relay_dead_letters (device_id, seq, code, reason, dead_at, attempts)
        SELECT device_id, seq, 'ATTEMPTS', attempts || ' failed attempts; last: ' || coalesce(last_error, ''), $dead_at, attempts
        FROM relay_outbox WHERE outbox_id IN (SELECT value FROM json_each($ids)) AND attempts >= $max
        ON CONFLICT (device_id, seq) DO UPDATE
        SET code = excluded.code, reason = excluded.reason, dead_at = excluded.dead_at, attempts = excluded.attempts
        """;

    public const string DeleteExhausted = """
        DELETE FROM relay_outbox WHERE outbox_id IN (SELECT value FROM json_each($ids)) AND attempts >= $max
        """;

    /// <summary>$province null: every dead letter.</summary>
    public const string SelectDeadLetters = """
        SELECT l.device_id, l.seq, coalesce(d.province, ''), l.code, l.reason, l.attempts, l.dead_at
        FROM relay_dead_letters l LEFT JOIN devices d ON d.device_id = l.device_id
        WHERE $province IS NULL OR d.province = $province
        ORDER BY l.dead_at DESC, l.device_id, l.seq LIMIT $max
        """;

    /// <summary>Back into the outbox (attempts start again at 0), then out of the dead letters; $province null: all.</summary>
    public const string ReplayDeadLetters = """
        INSERT INTO relay_outbox (device_id, seq)
        SELECT l.device_id, l.seq FROM relay_dead_letters l LEFT JOIN devices d ON d.device_id = l.device_id
        WHERE $province IS NULL OR d.province = $province
        ORDER BY l.dead_at, l.device_id, l.seq;
        DELETE FROM relay_dead_letters
        WHERE $province IS NULL OR device_id IN (SELECT device_id FROM devices WHERE province = $province);
        """;
}
