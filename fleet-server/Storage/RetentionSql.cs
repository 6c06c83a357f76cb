namespace ScanPoint.FleetServer.Storage;

/// <summary>
/// The SQL of retention (<c>IFleetStore.Retention.cs</c>) for both stores. Check-ins past the window are found by a
/// read that walks the primary key forward (keyset), then deleted by key in one short write transaction per batch
/// with their outbox entries and dead letters; the totals row is updated in the same transaction.
/// </summary>
internal static class RetentionSql
{
    public const string CreateSqlite = """
        CREATE TABLE IF NOT EXISTS retention_counters (
            id                 INTEGER NOT NULL PRIMARY KEY CHECK (id = 1),
            last_run_at        TEXT,
            deleted            INTEGER NOT NULL DEFAULT 0,
            deleted_unrelayed  INTEGER NOT NULL DEFAULT 0,
            deleted_heartbeats INTEGER NOT NULL DEFAULT 0
        );
        INSERT OR IGNORE INTO retention_counters (id) VALUES (1);
        """;

    /// <summary>The next keys past the window after ($device_id, $seq), in key order.</summary>
    public const string SqliteSelectExpired = """
        SELECT device_id, seq FROM check_ins
        WHERE (device_id, seq) > ($device_id, $seq) AND at < $before
        ORDER BY device_id, seq LIMIT $max
        """;

    /// <summary>The keys of one batch ($keys: JSON array of [device_id, seq]) into a temporary table of the writer.</summary>
    public const string SqliteStageKeys = """
        CREATE TEMP TABLE IF NOT EXISTS purge_keys (device_id TEXT NOT NULL, seq INTEGER NOT NULL, PRIMARY KEY (device_id, seq)) WITHOUT ROWID;
        DELETE FROM temp.purge_keys;
        INSERT OR IGNORE INTO temp.purge_keys (device_id, seq)
        SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]') FROM json_each($keys);
        """;

    /// <summary>Staged keys whose check-in never reached the backend: still in the outbox, or a dead letter.</summary>
    public const string SqliteCountUnrelayed = """
        SELECT count(*) FROM temp.purge_keys k
        WHERE EXISTS (SELECT 1 FROM relay_outbox o WHERE o.device_id = k.device_id AND o.seq = k.seq)
           OR EXISTS (SELECT 1 FROM relay_dead_letters l WHERE l.device_id = k.device_id AND l.seq = k.seq)
        """;

    public const string SqliteDeleteRelayRows = """
        DELETE FROM relay_dead_letters WHERE (device_id, seq) IN (SELECT device_id, seq FROM temp.purge_keys);
        DELETE FROM relay_outbox WHERE (device_id, seq) IN (SELECT device_id, seq FROM temp.purge_keys);
        """;

    public const string SqliteDeleteCheckIns = """
        DELETE FROM check_ins WHERE (device_id, seq) IN (SELECT device_id, seq FROM temp.purge_keys) AND at < $before
        """;

    public const string SqliteDeleteHeartbeats = """
        DELETE FROM heartbeats WHERE rowid IN (SELECT rowid FROM heartbeats WHERE received_at < $before LIMIT $max)
        """;

    public const string SqliteAddTotals = """
        UPDATE retention_counters
        SET deleted = deleted + $deleted, deleted_unrelayed = deleted_unrelayed + $unrelayed, deleted_heartbeats = deleted_heartbeats + $heartbeats
        WHERE id = 1
        """;

    public const string SqliteStampRun = "UPDATE retention_counters SET last_run_at = $at WHERE id = 1";

    public const string SqliteSelectTotals = "SELECT last_run_at, deleted, deleted_unrelayed, deleted_heartbeats FROM retention_counters WHERE id = 1";

    public const string CreatePostgres = """
        CREATE TABLE IF NOT EXISTS retention_counters (
            id                 int         NOT NULL PRIMARY KEY CHECK (id = 1),
            last_run_at        timestamptz,
            deleted            bigint      NOT NULL DEFAULT 0,
            deleted_unrelayed  bigint      NOT NULL DEFAULT 0,
            deleted_heartbeats bigint      NOT NULL DEFAULT 0
        );
        INSERT INTO retention_counters (id) VALUES (1) ON CONFLICT (id) DO NOTHING;
        """;

    /// <summary>
    /// One batch in one statement: the next keys past the window after (@device_id, @seq), their dead letters and
    /// outbox entries (counted as unrelayed), the check-ins, and the totals. Returns the deleted count, the unrelayed
    /// count and the last key (null when none was left).
    /// </summary>
    public const string PostgresPurgeBatch = """
        WITH doomed AS (
            SELECT device_id, seq FROM check_ins
            WHERE (device_id, seq) > (@device_id, @seq) AND at < @before
            ORDER BY device_id, seq LIMIT @max),
        dead AS (
            DELETE FROM relay_dead_letters l USING doomed d WHERE l.device_id = d.device_id AND l.seq = d.seq
            RETURNING l.device_id, l.seq),
        outbox AS (
            DELETE FROM relay_outbox o USING doomed d WHERE o.device_id = d.device_id AND o.seq = d.seq
            RETURNING o.device_id, o.seq),
        gone AS (
            DELETE FROM check_ins c USING doomed d WHERE c.device_id = d.device_id AND c.seq = d.seq
            RETURNING c.device_id, c.seq),
        counts AS (
            SELECT (SELECT count(*) FROM gone) AS n_deleted,
                   (SELECT count(*) FROM (SELECT device_id, seq FROM dead UNION SELECT device_id, seq FROM outbox) u) AS n_unrelayed),
        totals AS (
            UPDATE retention_counters r SET deleted = r.deleted + c.n_deleted, deleted_unrelayed = r.deleted_unrelayed + c.n_unrelayed
            FROM counts c WHERE r.id = 1 RETURNING 1)
        SELECT counts.n_deleted, counts.n_unrelayed, last.device_id, last.seq, (SELECT count(*) FROM totals)
        FROM counts LEFT JOIN (SELECT device_id, seq FROM doomed ORDER BY device_id DESC, seq DESC LIMIT 1) last ON true
        """;

    public const string PostgresDeleteHeartbeats = """
        WITH gone AS (DELETE FROM heartbeats WHERE ctid IN (SELECT ctid FROM heartbeats WHERE received_at < @before LIMIT @max) RETURNING 1),
        totals AS (UPDATE retention_counters SET deleted_heartbeats = deleted_heartbeats + (SELECT count(*) FROM gone) WHERE id = 1 RETURNING 1)
        SELECT (SELECT count(*) FROM gone), (SELECT count(*) FROM totals)
        """;

    public const string PostgresStampRun = "UPDATE retention_counters SET last_run_at = @at WHERE id = 1";

    public const string PostgresSelectTotals = "SELECT last_run_at, deleted, deleted_unrelayed, deleted_heartbeats FROM retention_counters WHERE id = 1";
}
