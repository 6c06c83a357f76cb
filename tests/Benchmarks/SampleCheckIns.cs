using System.Security.Cryptography;
using ScanPoint.Contracts.CheckIns;
using ScanPoint.Kiosk.Outbox;

namespace ScanPoint.Benchmarks;

/// <summary>Realistic check-ins: a DCC scan, unverified, with the SHA-256 of a made-up payload (base64url, 43 chars).</summary>
internal static class SampleCheckIns
{
    private static readonly DateTimeOffset Start = TimeProvider.System.GetUtcNow();

    public static ScannedCode Scan(long n) =>
        new(Start.AddMilliseconds(n), CodeFormats.Dcc, VerdictCodes.Unverified, Hash(n));

    public static CheckInRecorded CheckIn(string deviceId, string siteId, long seq) =>
        new(Ulid.NewUlid(Start.AddMilliseconds(seq)).ToString(), seq, deviceId, siteId, Start.AddMilliseconds(seq), CodeFormats.Dcc, VerdictCodes.Unverified, Hash(seq));

    private static string Hash(long n) =>
        Convert.ToBase64String(SHA256.HashData(BitConverter.GetBytes(n))).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
