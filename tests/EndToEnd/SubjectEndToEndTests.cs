using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;
using Xunit.Abstractions;

namespace ScanPoint.EndToEnd.Tests;

/// <summary>
/// Who was scanned travels from a real kiosk to the fleet's check_ins columns (person_key, person_name,
/// person_birth_date, person_id_hash; name and birth date sealed with the fleet's personal data key); the acked
/// check-ins stay as the kiosk's history; neither process logs the name.
/// </summary>
public sealed class SubjectEndToEndTests(ITestOutputHelper output)
{
    private const string IdNumber = "001190012345";
    private const string Name = "Phạm Thị Quỳnh Xyzzyanh";

    [Fact]
    public Task Kiosk_CitizenIdCardScanned_FleetStoresTheSubjectAndNobodyLogsIt() =>
        Scenario.RunAsync(output, async run =>
        {
            var fleet = new FleetProcess(run);
            var kiosk = new KioskProcess(run, "kiosk-subj");
            await kiosk.ProvisionAsync(fleet, "PR1");
            await fleet.StartAsync();
            await kiosk.StartAsync();

            File.AppendAllLines(kiosk.Scans.Path, ["HC1:NOT-A-REAL-CODE", $"{IdNumber}||{Name}|14021990|Nữ|Số 5 Ngõ 6, Hà Nội|01022022"]);
            IReadOnlyList<Row> rows = [];
            await run.WaitAsync("the fleet to store both check-ins", () => (rows = Rows(fleet.DatabasePath, kiosk.DeviceId)).Count == 2, () => $"{rows.Count} rows");
            OutboxReport? outbox = null;
            await run.WaitAsync("the kiosk to hold both as acked history", async () => (outbox = await kiosk.GetOutboxAsync()) is { Pending: 0, Acknowledged: 2 }, () => $"{outbox}");
            await kiosk.StopAsync();

            Assert.Equal(new Row(1, null, null, null, null), rows[0]);
            var idHash = Base64Url(SHA256.HashData(Encoding.UTF8.GetBytes(IdNumber)));
            Assert.Equal((Name, "1990-02-14", idHash), (rows[1].Name, rows[1].BirthDate, rows[1].IdHash));
            Assert.Equal(43, rows[1].PersonKey?.Length);
            foreach (var log in new[] { "fleet.log", "kiosk-subj.log" })
            {
                var text = File.ReadAllText(run.PathOf(log));
                Assert.DoesNotContain("Xyzzyanh", text, StringComparison.OrdinalIgnoreCase);
                Assert.DoesNotContain(IdNumber, text, StringComparison.Ordinal);
            }
        });

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static List<Row> Rows(string path, string deviceId)
    {
        if (!File.Exists(path))
        {
            return [];
        }

        var connectionString = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false };
        using var connection = new SqliteConnection(connectionString.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT seq, person_key, person_name, person_birth_date, person_id_hash
            FROM check_ins WHERE device_id = $device_id ORDER BY seq
            """;
        command.Parameters.AddWithValue("$device_id", deviceId);
        using var reader = command.ExecuteReader();
        var rows = new List<Row>();
        var key = Path.Combine(Path.GetDirectoryName(path)!, "personal.key");
        while (reader.Read())
        {
            var seq = reader.GetInt64(0);
            rows.Add(new Row(seq, Text(reader, 1), Opened(Text(reader, 2), key, deviceId, seq), Opened(Text(reader, 3), key, deviceId, seq), Text(reader, 4)));
        }

        return rows;
    }

    /// <summary>Opens a value the fleet sealed ("v1:" + base64(nonce, ciphertext, tag), AES-256-GCM bound to the row); a clear value fails the test.</summary>
    private static string? Opened(string? stored, string keyFile, string deviceId, long seq)
    {
        if (stored is null)
        {
            return null;
        }

        Assert.StartsWith("v1:", stored, StringComparison.Ordinal);
        var bytes = Convert.FromBase64String(stored[3..]);
        var id = Encoding.UTF8.GetBytes(deviceId);
        var associated = new byte[4 + id.Length + 8];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(associated, id.Length);
        id.CopyTo(associated, 4);
        System.Buffers.Binary.BinaryPrimitives.WriteInt64BigEndian(associated.AsSpan(4 + id.Length), seq);
        var plain = new byte[bytes.Length - 28];
        using var aes = new AesGcm(File.ReadAllBytes(keyFile), 16);
        aes.Decrypt(bytes.AsSpan(0, 12), bytes.AsSpan(12, plain.Length), bytes.AsSpan(12 + plain.Length), plain, associated);
        return Encoding.UTF8.GetString(plain);
    }

    private static string? Text(SqliteDataReader reader, int i) => reader.IsDBNull(i) ? null : reader.GetString(i);

    private sealed record Row(long Seq, string? PersonKey, string? Name, string? BirthDate, string? IdHash);
}
