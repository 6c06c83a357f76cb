using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;

namespace ScanPoint.Contracts.Devices;

/// <summary>
/// What <c>fleet-server devices add</c> prints and <c>kiosk provision</c> takes: one device's own secret plus the
/// names it lives under, as <c>spdev1.{deviceId}.{province}.{siteId}.{secret}</c>. There is no shared or default
/// credential; the fleet keeps only the secret's SHA-256. (Device certificates replace this with the enrolment flow.)
/// </summary>
public sealed record DeviceCredential(string DeviceId, string Province, string SiteId, string Secret)
{
    private const string Prefix = "spdev1";

    public static DeviceCredential Create(string deviceId, string province, string siteId)
    {
        if (!IsName(deviceId) || !IsName(province) || !IsName(siteId))
        {
            throw new ArgumentException("device id, province and site must be 1-64 of A-Z a-z 0-9 _ -");
        }

        return new(deviceId, province, siteId, Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32)));
    }

    public static bool TryParse(string text, [NotNullWhen(true)] out DeviceCredential? credential)
    {
        credential = null;
        var parts = text.Trim().Split('.');
        if (parts.Length != 5 || parts[0] != Prefix || !parts[1..4].All(IsName) || parts[4].Length != 64 || !parts[4].All(char.IsAsciiHexDigitLower))
        {
            return false;
        }

        credential = new(parts[1], parts[2], parts[3], parts[4]);
        return true;
    }

    /// <summary>SHA-256 of a secret, hex: what the fleet stores and compares against.</summary>
    public static string HashSecret(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    /// <summary>Constant-time check of a presented secret against a stored hash.</summary>
    public static bool Matches(string presentedSecret, string storedHash) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(HashSecret(presentedSecret)), Encoding.ASCII.GetBytes(storedHash));

    public static bool IsName(string value) =>
        value.Length is > 0 and <= 64 && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-') && !Reserved.Contains(value);

    /// <summary>Names that would overlap the broadcast topics or the fleet server's own broker identity.</summary>
    private static readonly string[] Reserved = ["bcast", "fleet-server"];

    public override string ToString() => $"{Prefix}.{DeviceId}.{Province}.{SiteId}.{Secret}";
}
