using System.Diagnostics;
using System.Security.Cryptography;
using Npgsql;
using NpgsqlTypes;
using ScanPoint.FleetServer.Privacy;

namespace ScanPoint.Benchmarks.Tracing;

/// <summary>
/// Generates the tracing benchmark's rows straight into a migrated fleet schema with binary COPY: one device per
/// site, check-ins spread evenly over <see cref="Days"/> days, each by one of <see cref="People"/> people drawn at
/// random, names and birth dates sealed as the store seals them. Secondary indexes are dropped for the load and the
/// relay trigger is off; the caller migrates again (re-creating the indexes) and analyzes.
/// </summary>
internal sealed class TracingData(int rows, int sites, int people, DateTimeOffset start)
{
    public const int Days = 28;
    public const int Provinces = 63;

    public int Rows => rows;

    public int Sites => sites;

    public int People => people;

    public DateTimeOffset Start => start;

    public DateTimeOffset End => start.AddDays(Days);

    public static string Site(int site) => $"site-{site:D5}";

    public static string Device(int site) => $"dev-{site:D5}";

    public static string Province(int site) => $"P{site % Provinces:D2}";

    public static string PersonKey(int person) => $"pk{person:D41}";

    public async Task LoadAsync(NpgsqlDataSource db, PersonalDataCipher cipher, CancellationToken cancellationToken)
    {
        await ExecuteAsync(db, """
            DROP INDEX IF EXISTS check_ins_person_key_at; DROP INDEX IF EXISTS check_ins_site_at;
            ALTER TABLE check_ins DISABLE TRIGGER check_ins_relay_enqueue;
            """, cancellationToken);
        await using (var connection = await db.OpenConnectionAsync(cancellationToken))
        await using (var devices = await connection.BeginBinaryImportAsync("COPY devices (device_id, province, site_id, secret_hash, created_at) FROM STDIN (FORMAT BINARY)", cancellationToken))
        {
            for (var s = 0; s < sites; s++)
            {
                await devices.WriteRowAsync(cancellationToken, Device(s), Province(s), Site(s), "bench", start);
            }

            await devices.CompleteAsync(cancellationToken);
        }

        var clock = Stopwatch.StartNew();
        var random = new Random(20251123);
        var perSite = rows / sites;
        var step = TimeSpan.FromDays(Days) / perSite;
        await using (var connection = await db.OpenConnectionAsync(cancellationToken))
        await using (var copy = await connection.BeginBinaryImportAsync("""
            COPY check_ins (device_id, seq, id, site_id, at, format, verdict, payload_hash, received_at,
                            person_key, person_name, person_birth_date, person_id_hash) FROM STDIN (FORMAT BINARY)
            """, cancellationToken))
        {
            var hash = Convert.ToBase64String(SHA256.HashData("bench"u8)).TrimEnd('=');
            for (var s = 0; s < sites; s++)
            {
                var device = Device(s);
                var site = Site(s);
                var count = perSite + (s < rows % sites ? 1 : 0);
                for (var seq = 1L; seq <= count; seq++)
                {
                    var person = random.Next(people);
                    var at = start + (step * (seq - 1)) + TimeSpan.FromSeconds(random.Next((int)Math.Max(1, step.TotalSeconds)));
                    await copy.StartRowAsync(cancellationToken);
                    await copy.WriteAsync(device, NpgsqlDbType.Text, cancellationToken);
                    await copy.WriteAsync(seq, NpgsqlDbType.Bigint, cancellationToken);
                    await copy.WriteAsync($"01J{s:D5}{seq:D10}", NpgsqlDbType.Text, cancellationToken);
                    await copy.WriteAsync(site, NpgsqlDbType.Text, cancellationToken);
                    await copy.WriteAsync(at, NpgsqlDbType.TimestampTz, cancellationToken);
                    await copy.WriteAsync("DCC", NpgsqlDbType.Text, cancellationToken);
                    await copy.WriteAsync("accepted", NpgsqlDbType.Text, cancellationToken);
                    await copy.WriteAsync(hash, NpgsqlDbType.Text, cancellationToken);
                    await copy.WriteAsync(at.AddSeconds(2), NpgsqlDbType.TimestampTz, cancellationToken);
                    await copy.WriteAsync(PersonKey(person), NpgsqlDbType.Text, cancellationToken);
                    await copy.WriteAsync(cipher.Seal($"Nguyễn Văn {person}", device, seq)!, NpgsqlDbType.Text, cancellationToken);
                    await copy.WriteAsync(cipher.Seal($"19{person % 90 + 10}-0{person % 9 + 1}-1{person % 9}", device, seq)!, NpgsqlDbType.Text, cancellationToken);
                    await copy.WriteNullAsync(cancellationToken);
                }

                if (s % 500 == 499)
                {
                    Console.Error.WriteLine($"tracing: {(long)perSite * (s + 1):N0} rows copied in {clock.Elapsed.TotalSeconds:N0} s");
                }
            }

            await copy.CompleteAsync(cancellationToken);
        }

        await ExecuteAsync(db, "ALTER TABLE check_ins ENABLE TRIGGER check_ins_relay_enqueue", cancellationToken);
    }

    public static async Task ExecuteAsync(NpgsqlDataSource db, string sql, CancellationToken cancellationToken)
    {
        await using var command = db.CreateCommand(sql);
        command.CommandTimeout = 0;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
