using ScanPoint.Contracts.CheckIns;
using ScanPoint.FleetServer.Storage;

namespace ScanPoint.FleetServer.Tests.Storage;

/// <summary>Deterministic check-ins and devices for the store tests.</summary>
internal static class TestCheckIns
{
    /// <summary>Kiosk time with a non-zero offset and whole microseconds (PostgreSQL's precision).</summary>
    private static readonly DateTimeOffset FirstScan = new(2025, 3, 1, 9, 30, 0, TimeSpan.FromHours(7));

    public static CheckInRecorded One(string deviceId, long seq) => new(
        Id: $"01JNQ{deviceId.ToUpperInvariant()}{seq:D10}",
        Seq: seq,
        DeviceId: deviceId,
        SiteId: $"site-of-{deviceId}",
        At: FirstScan.AddMicroseconds(seq * 1_000_003),
        Format: seq % 2 == 0 ? CodeFormats.Dcc : CodeFormats.CitizenId,
        Verdict: seq % 3 == 0 ? "rejected:SIG" : "accepted",
        PayloadHash: Convert.ToBase64String(BitConverter.GetBytes(seq * 7919)).TrimEnd('='));

    /// <summary>A subject with a Vietnamese name (non-ASCII) and every optional field; none for odd seqs.</summary>
    public static CheckInRecorded WithSubject(CheckInRecorded checkIn) => checkIn.Seq % 2 == 1 ? checkIn : checkIn with
    {
        Subject = new CheckInSubject($"pk-{checkIn.Seq:D40}", $"Nguyễn Văn Đức {checkIn.Seq}", checkIn.Seq % 4 == 0 ? "1990-05-01" : null, $"idh-{checkIn.Seq}"),
    };

    /// <summary>The subject columns (person_key, person_name, person_birth_date, person_id_hash) from <paramref name="first"/> on.</summary>
    public static CheckInSubject? ReadSubject(System.Data.Common.DbDataReader reader, int first) =>
        reader.IsDBNull(first) ? null : new CheckInSubject(
            reader.GetString(first),
            reader.GetString(first + 1),
            reader.IsDBNull(first + 2) ? null : reader.GetString(first + 2),
            reader.IsDBNull(first + 3) ? null : reader.GetString(first + 3));

    /// <summary>Seqs <paramref name="firstSeq"/> .. <paramref name="firstSeq"/> + <paramref name="count"/> - 1.</summary>
    public static List<CheckInRecorded> Range(string deviceId, long firstSeq, int count) =>
        [.. Enumerable.Range(0, count).Select(i => One(deviceId, firstSeq + i))];

    public static DeviceRecord Device(string deviceId, string province = "HN") => new(
        deviceId,
        province,
        SiteId: $"site-of-{deviceId}",
        SecretHash: $"sha256-of-secret-of-{deviceId}",
        CreatedAt: new DateTimeOffset(2025, 2, 14, 10, 15, 30, 123, 456, TimeSpan.FromHours(-5)));
}
