namespace ScanPoint.FleetServer.Sites;

/// <summary>The SQL of the site registry; the same statements on both stores, column types differ.</summary>
internal static class SiteSql
{
    public const string CreateSqlite = """
        CREATE TABLE IF NOT EXISTS sites (
            province TEXT NOT NULL, site_id TEXT NOT NULL, district TEXT NOT NULL, name TEXT NOT NULL,
            latitude REAL, longitude REAL, PRIMARY KEY (province, site_id)) WITHOUT ROWID;
        """;

    public const string CreatePostgres = """
        CREATE TABLE IF NOT EXISTS sites (
            province text NOT NULL, site_id text NOT NULL, district text NOT NULL, name text NOT NULL,
            latitude double precision, longitude double precision, PRIMARY KEY (province, site_id));
        """;

    public const string Upsert = """
        INSERT INTO sites (province, site_id, district, name, latitude, longitude)
        VALUES (@province, @site_id, @district, @name, @latitude, @longitude)
        ON CONFLICT (province, site_id) DO UPDATE SET district = excluded.district, name = excluded.name,
            latitude = excluded.latitude, longitude = excluded.longitude
        """;

    public const string SelectAll = "SELECT site_id, province, district, name, latitude, longitude FROM sites ORDER BY province, district, site_id";

    public const string SelectProvince = """
        SELECT site_id, province, district, name, latitude, longitude FROM sites WHERE province = @province ORDER BY district, site_id
        """;
}
