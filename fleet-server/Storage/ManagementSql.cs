namespace ScanPoint.FleetServer.Storage;

/// <summary>
/// The SQL of device management (config twin, commands, alerts). The statements are the same for both stores
/// (<c>@name</c> parameters, <c>ON CONFLICT</c>); only the tables' column types differ.
/// </summary>
internal static class ManagementSql
{
    public const string CreateSqlite = """
        CREATE TABLE IF NOT EXISTS device_settings (
            device_id TEXT NOT NULL PRIMARY KEY, version INTEGER NOT NULL, settings TEXT NOT NULL, updated_at TEXT NOT NULL) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS province_policies (
            province TEXT NOT NULL PRIMARY KEY, version INTEGER NOT NULL, settings TEXT NOT NULL, updated_at TEXT NOT NULL) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS device_config_reported (
            device_id TEXT NOT NULL PRIMARY KEY, payload TEXT NOT NULL, received_at TEXT NOT NULL) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS commands (
            command_id TEXT NOT NULL PRIMARY KEY, device_id TEXT NOT NULL, name TEXT NOT NULL, created_at TEXT NOT NULL,
            expires_at TEXT NOT NULL, state TEXT NOT NULL, sent_at TEXT, completed_at TEXT, detail TEXT, logs TEXT) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS commands_device ON commands (device_id, created_at);
        CREATE INDEX IF NOT EXISTS commands_open ON commands (state, expires_at);
        CREATE TABLE IF NOT EXISTS alerts (
            device_id TEXT NOT NULL, seq INTEGER NOT NULL, kind TEXT NOT NULL, state TEXT NOT NULL, detail TEXT NOT NULL,
            at TEXT NOT NULL, received_at TEXT NOT NULL, PRIMARY KEY (device_id, seq)) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS alerts_kind ON alerts (device_id, kind, seq);
        """;

    public const string CreatePostgres = """
        CREATE TABLE IF NOT EXISTS device_settings (
            device_id text NOT NULL PRIMARY KEY, version bigint NOT NULL, settings text NOT NULL, updated_at timestamptz NOT NULL);
        CREATE TABLE IF NOT EXISTS province_policies (
            province text NOT NULL PRIMARY KEY, version bigint NOT NULL, settings text NOT NULL, updated_at timestamptz NOT NULL);
        CREATE TABLE IF NOT EXISTS device_config_reported (
            device_id text NOT NULL PRIMARY KEY, payload text NOT NULL, received_at timestamptz NOT NULL);
        CREATE TABLE IF NOT EXISTS commands (
            command_id text NOT NULL PRIMARY KEY, device_id text NOT NULL, name text NOT NULL, created_at timestamptz NOT NULL,
            expires_at timestamptz NOT NULL, state text NOT NULL, sent_at timestamptz, completed_at timestamptz, detail text, logs text);
        CREATE INDEX IF NOT EXISTS commands_device ON commands (device_id, created_at);
        CREATE INDEX IF NOT EXISTS commands_open ON commands (state, expires_at);
        CREATE TABLE IF NOT EXISTS alerts (
            device_id text NOT NULL, seq bigint NOT NULL, kind text NOT NULL, state text NOT NULL, detail text NOT NULL,
            at timestamptz NOT NULL, received_at timestamptz NOT NULL, PRIMARY KEY (device_id, seq));
        CREATE INDEX IF NOT EXISTS alerts_kind ON alerts (device_id, kind, seq);
        """;

    public const string SelectDesired = """
        SELECT d.device_id, d.province, coalesce(s.version, 0), s.settings, coalesce(p.version, 0), p.settings
        FROM devices d
        LEFT JOIN device_settings s ON s.device_id = d.device_id
        LEFT JOIN province_policies p ON p.province = d.province
        WHERE d.revoked_at IS NULL AND (s.device_id IS NOT NULL OR p.province IS NOT NULL)
        """;

    public const string SelectDeviceDesired = SelectDesired + " AND d.device_id = @device_id";

    public const string InsertDeviceSettings = "INSERT INTO device_settings (device_id, version, settings, updated_at) VALUES (@key, 1, @settings, @at) ON CONFLICT DO NOTHING";

    public const string UpdateDeviceSettings = "UPDATE device_settings SET version = version + 1, settings = @settings, updated_at = @at WHERE device_id = @key AND version = @expected";

    public const string SelectDeviceSettings = "SELECT version, settings FROM device_settings WHERE device_id = @key";

    public const string InsertPolicy = "INSERT INTO province_policies (province, version, settings, updated_at) VALUES (@key, 1, @settings, @at) ON CONFLICT DO NOTHING";

    public const string UpdatePolicy = "UPDATE province_policies SET version = version + 1, settings = @settings, updated_at = @at WHERE province = @key AND version = @expected";

    public const string SelectPolicy = "SELECT version, settings FROM province_policies WHERE province = @key";

    public const string UpsertReported = """
        INSERT INTO device_config_reported (device_id, payload, received_at) VALUES (@device_id, @payload, @at)
        ON CONFLICT (device_id) DO UPDATE SET payload = excluded.payload, received_at = excluded.received_at
        """;

    public const string SelectReported = "SELECT payload, received_at FROM device_config_reported WHERE device_id = @device_id";

    public const string InsertCommand = """
        INSERT INTO commands (command_id, device_id, name, created_at, expires_at, state)
        VALUES (@command_id, @device_id, @name, @created_at, @expires_at, 'pending')
        """;

    private const string CommandColumns = "c.command_id, c.device_id, d.province, c.name, c.created_at, c.expires_at, c.state, c.sent_at, c.completed_at, c.detail, c.logs IS NOT NULL";

    public const string SelectOpenCommands = "SELECT " + CommandColumns + """
         FROM commands c JOIN devices d ON d.device_id = c.device_id
        WHERE c.state IN ('pending', 'sent') AND c.expires_at > @now AND d.revoked_at IS NULL ORDER BY c.created_at
        """;

    public const string SelectDeviceCommands = "SELECT " + CommandColumns + """
         FROM commands c JOIN devices d ON d.device_id = c.device_id
        WHERE c.device_id = @device_id ORDER BY c.created_at DESC LIMIT @max
        """;

    public const string MarkCommandSent = "UPDATE commands SET state = 'sent', sent_at = @at WHERE command_id = @command_id AND state IN ('pending', 'sent')";

    public const string CompleteCommand = """
        UPDATE commands SET state = @state, completed_at = @at, detail = @detail
        WHERE command_id = @command_id AND device_id = @device_id AND state IN ('pending', 'sent')
        """;

    public const string ExpireCommands = "UPDATE commands SET state = 'expired', completed_at = @now WHERE state IN ('pending', 'sent') AND expires_at <= @now";

    public const string SetCommandLogs = "UPDATE commands SET logs = @logs WHERE command_id = @command_id AND device_id = @device_id AND name = 'upload-logs'";

    public const string SelectCommandLogs = "SELECT logs FROM commands WHERE command_id = @command_id AND device_id = @device_id";

    public const string InsertAlert = """
        INSERT INTO alerts (device_id, seq, kind, state, detail, at, received_at) VALUES (@device_id, @seq, @kind, @state, @detail, @at, @received_at)
        ON CONFLICT DO NOTHING
        """;

    public const string SelectOpenAlerts = """
        SELECT a.device_id, a.seq, a.kind, a.state, a.detail, a.at, a.received_at FROM alerts a
        WHERE a.state = 'raised' AND a.seq = (SELECT max(b.seq) FROM alerts b WHERE b.device_id = a.device_id AND b.kind = a.kind)
        ORDER BY a.device_id, a.kind
        """;

    public const string SelectDeviceAlerts = """
        SELECT device_id, seq, kind, state, detail, at, received_at FROM alerts WHERE device_id = @device_id ORDER BY seq DESC LIMIT @max
        """;
}
