namespace ScanPoint.NationalReceiver;

/// <summary>The receiver's SQL (SQLite). Instants are ISO 8601 text.</summary>
internal static class ReceiverSql
{
    public const string Pragmas = "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA busy_timeout = 10000;";

    public const string CreateTables = """
        CREATE TABLE IF NOT EXISTS check_ins (
            id                TEXT    NOT NULL PRIMARY KEY,
            device_id         TEXT    NOT NULL,
            seq               INTEGER NOT NULL,
            site_id           TEXT    NOT NULL,
            province          TEXT    NOT NULL,
            at                TEXT    NOT NULL,
            format            TEXT    NOT NULL,
            verdict           TEXT    NOT NULL,
            payload_hash      TEXT    NOT NULL,
            received_at       TEXT    NOT NULL,
            person_key        TEXT,
            person_name       TEXT,
            person_birth_date TEXT,
            batch_id          TEXT    NOT NULL,
            stored_at         TEXT    NOT NULL,
            deliveries        INTEGER NOT NULL DEFAULT 1
        ) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS batches (
            batch_id TEXT    NOT NULL PRIMARY KEY,
            first_at TEXT    NOT NULL,
            posts    INTEGER NOT NULL
        ) WITHOUT ROWID;
        """;

    /// <summary>
    /// A new id is inserted (deliveries 1: accepted); a known id with the same device, seq and payload hash counts
    /// one more delivery (duplicate); a known id with other content returns no row (conflict).
    /// </summary>
    public const string InsertCheckIn = """
        INSERT INTO check_ins (id, device_id, seq, site_id, province, at, format, verdict, payload_hash, received_at,
                               person_key, person_name, person_birth_date, batch_id, stored_at)
        VALUES ($id, $device_id, $seq, $site_id, $province, $at, $format, $verdict, $payload_hash, $received_at,
                $person_key, $person_name, $person_birth_date, $batch_id, $stored_at)
        ON CONFLICT (id) DO UPDATE SET deliveries = deliveries + 1
        WHERE excluded.device_id = check_ins.device_id AND excluded.seq = check_ins.seq AND excluded.payload_hash = check_ins.payload_hash
        RETURNING deliveries
        """;

    public const string UpsertBatch = """
        INSERT INTO batches (batch_id, first_at, posts) VALUES ($batch_id, $at, 1)
        ON CONFLICT (batch_id) DO UPDATE SET posts = posts + 1
        """;

    public const string SelectCounts = """
        SELECT (SELECT count(*) FROM check_ins), (SELECT coalesce(sum(deliveries), 0) FROM check_ins),
               (SELECT count(*) FROM batches), (SELECT coalesce(sum(posts), 0) FROM batches)
        """;

    public const string SelectCheckIns = """
        SELECT id, device_id, seq, payload_hash, deliveries FROM check_ins WHERE id > $after ORDER BY id LIMIT $limit
        """;
}
