namespace ScanPoint.FleetServer.Storage;

/// <summary>
/// The SQL of tracing (<see cref="TracingStore"/>) and the audit log (<see cref="AuditStore"/>): the same statements
/// with <c>@params</c> on both stores; tables, triggers and types differ per store. Instants compare as the store keeps
/// them (fixed-width UTC text on SQLite, <c>timestamptz</c> on PostgreSQL).
/// </summary>
internal static class TracingSql
{
    public const string CreateSqlite = """
        CREATE INDEX IF NOT EXISTS check_ins_site_at ON check_ins (site_id, at);
        CREATE TABLE IF NOT EXISTS tracing_exposures (
            id INTEGER PRIMARY KEY, site_id TEXT NOT NULL, province TEXT, from_at TEXT NOT NULL, to_at TEXT NOT NULL,
            note TEXT NOT NULL, created_by TEXT NOT NULL, created_at TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS audit_log (
            id INTEGER PRIMARY KEY, at TEXT NOT NULL, user_name TEXT NOT NULL, role TEXT NOT NULL, action TEXT NOT NULL,
            parameters TEXT NOT NULL, row_count INTEGER NOT NULL);
        CREATE INDEX IF NOT EXISTS audit_log_at ON audit_log (at);
        CREATE TRIGGER IF NOT EXISTS audit_log_no_update BEFORE UPDATE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
        CREATE TRIGGER IF NOT EXISTS audit_log_no_delete BEFORE DELETE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
        """;

    public const string CreatePostgres = """
        CREATE INDEX IF NOT EXISTS check_ins_site_at ON check_ins (site_id, at);
        CREATE TABLE IF NOT EXISTS tracing_exposures (
            id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, site_id text NOT NULL, province text,
            from_at timestamptz NOT NULL, to_at timestamptz NOT NULL, note text NOT NULL, created_by text NOT NULL,
            created_at timestamptz NOT NULL);
        CREATE TABLE IF NOT EXISTS audit_log (
            id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, at timestamptz NOT NULL, user_name text NOT NULL,
            role text NOT NULL, action text NOT NULL, parameters text NOT NULL, row_count integer NOT NULL);
        CREATE INDEX IF NOT EXISTS audit_log_at ON audit_log (at);
        CREATE OR REPLACE FUNCTION audit_log_refuse() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            RAISE EXCEPTION 'audit_log is append-only (% refused)', TG_OP;
        END $$;
        CREATE OR REPLACE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log
            FOR EACH ROW EXECUTE FUNCTION audit_log_refuse();
        CREATE OR REPLACE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
            FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse();
        """;

    /// <summary>Check-in columns every tracing query returns, in this order.</summary>
    private const string Columns = """
        SELECT c.site_id, d.province, c.device_id, c.seq, c.at, c.verdict, c.person_key, c.person_name, c.person_birth_date
        FROM check_ins c JOIN devices d ON d.device_id = c.device_id
        """;

    /// <summary>Appended when the reader is limited to one province.</summary>
    public const string InProvince = " AND d.province = @province";

    public const string PersonVisits = Columns + " WHERE c.person_key = @key AND c.at >= @from AND c.at < @to";

    public const string SiteCheckIns = Columns + " WHERE c.site_id = @site AND c.at >= @from AND c.at < @to";

    public const string SitePeople = SiteCheckIns + " AND c.person_key IS NOT NULL";

    public const string OrderedLimited = " ORDER BY c.at, c.device_id, c.seq LIMIT @max";

    public const string SiteProvinces = "SELECT DISTINCT province FROM devices WHERE site_id = @site ORDER BY province";

    public const string InsertExposure = """
        INSERT INTO tracing_exposures (site_id, province, from_at, to_at, note, created_by, created_at)
        VALUES (@site, @province, @from, @to, @note, @created_by, @created_at) RETURNING id
        """;

    private const string ExposureColumns = "SELECT id, site_id, province, from_at, to_at, note, created_by, created_at FROM tracing_exposures";

    public const string Exposures = ExposureColumns + " ORDER BY id DESC LIMIT @max";

    public const string ExposuresInProvince = ExposureColumns + " WHERE province = @province ORDER BY id DESC LIMIT @max";

    public const string InsertAudit = """
        INSERT INTO audit_log (at, user_name, role, action, parameters, row_count)
        VALUES (@at, @user_name, @role, @action, @parameters, @row_count) RETURNING id
        """;

    public const string AuditColumns = "SELECT id, at, user_name, role, action, parameters, row_count FROM audit_log WHERE at >= @from AND at < @to";

    public const string AuditByUser = " AND user_name = @user_name";

    public const string AuditBefore = " AND id < @before";

    public const string AuditNewestFirst = " ORDER BY id DESC LIMIT @max";
}
