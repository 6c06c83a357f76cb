namespace ScanPoint.FleetServer.Storage;

/// <summary>The SQL of the operators' accounts; the same statements on both stores, column types differ.</summary>
internal static class UserSql
{
    public const string CreateSqlite = """
        CREATE TABLE IF NOT EXISTS users (
            name TEXT NOT NULL PRIMARY KEY, role TEXT NOT NULL, province TEXT, password_hash TEXT NOT NULL,
            failed_attempts INTEGER NOT NULL DEFAULT 0, locked_until TEXT, created_at TEXT NOT NULL) WITHOUT ROWID;
        """;

    public const string CreatePostgres = """
        CREATE TABLE IF NOT EXISTS users (
            name text NOT NULL PRIMARY KEY, role text NOT NULL, province text, password_hash text NOT NULL,
            failed_attempts integer NOT NULL DEFAULT 0, locked_until timestamptz, created_at timestamptz NOT NULL);
        """;

    public const string Insert = """
        INSERT INTO users (name, role, province, password_hash, created_at) VALUES (@name, @role, @province, @password_hash, @at)
        ON CONFLICT DO NOTHING
        """;

    public const string Select = "SELECT name, role, province, password_hash, failed_attempts, locked_until FROM users WHERE name = @name";

    public const string Failed = """
        UPDATE users SET failed_attempts = failed_attempts + 1,
            locked_until = CASE WHEN failed_attempts + 1 >= @max THEN @lock_until ELSE locked_until END
        WHERE name = @name
        """;

    public const string Succeeded = "UPDATE users SET failed_attempts = 0, locked_until = NULL WHERE name = @name";
}
