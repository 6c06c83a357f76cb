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
