using System.Buffers.Text;
using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace ScanPoint.Contracts.Devices;

/// <summary>
/// What a technician carries to a new kiosk (printed as a QR, or typed): the fleet's enrolment endpoint, the SHA-256
/// pin of the fleet CA (so the kiosk trusts that server and no other on first contact), and a one-time code. Written
/// as one URL, <c>https://fleet.example:5443/api/enrol#spe1.{codeId}.{secret}.{caPin}</c>; the fragment never
/// travels to any server. The kiosk posts <c>{codeId}.{secret}</c> with its CSR.
/// </summary>
public sealed record EnrolmentTicket(Uri Endpoint, string CodeId, string Secret, string CaPin)
{
    private const string Version = "spe1";
    private const string Base32 = "abcdefghijklmnopqrstuvwxyz234567";

    /// <summary>A new ticket for <paramref name="endpoint"/> with a random 10-character id and 160-bit secret.</summary>
    public static EnrolmentTicket Create(Uri endpoint, string caPin) => new(endpoint, Random(10), Random(32), caPin);

    /// <summary>The pin of a CA certificate as tickets carry it: its SHA-256, base64url without padding.</summary>
    public static string PinOf(X509Certificate2 caCertificate)
    {
        ArgumentNullException.ThrowIfNull(caCertificate);
        return Base64Url.EncodeToString(caCertificate.GetCertHash(HashAlgorithmName.SHA256));
    }

    /// <summary>The code the kiosk sends: <c>{codeId}.{secret}</c>.</summary>
    public string Code => $"{CodeId}.{Secret}";

    public override string ToString() => $"{Endpoint.GetLeftPart(UriPartial.Path)}#{Version}.{CodeId}.{Secret}.{CaPin}";

    public static bool TryParse(string text, [NotNullWhen(true)] out EnrolmentTicket? ticket)
    {
        ticket = null;
        if (text is null || text.Length > 2048 || !Uri.TryCreate(text.Trim(), UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps)
        {
            return false;
        }

        var parts = uri.Fragment.TrimStart('#').Split('.');
        if (parts is not [Version, var id, var secret, var pin] || !IsCodePart(id, 10) || !IsCodePart(secret, 32) || !IsPin(pin))
        {
            return false;
        }

        ticket = new EnrolmentTicket(new Uri(uri.GetLeftPart(UriPartial.Path)), id, secret, pin);
        return true;
    }

    /// <summary>Splits a posted code into id and secret; false for anything else.</summary>
    public static bool TrySplitCode(string? code, [NotNullWhen(true)] out string? codeId, [NotNullWhen(true)] out string? secret)
    {
        (codeId, secret) = (null, null);
        if (code?.Split('.') is [var id, var s] && IsCodePart(id, 10) && IsCodePart(s, 32))
        {
            (codeId, secret) = (id, s);
            return true;
        }

        return false;
    }

    private static bool IsCodePart(string text, int length) => text.Length == length && text.All(c => Base32.Contains(c, StringComparison.Ordinal));

    private static bool IsPin(string pin) => pin.Length == 43 && pin.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    private static string Random(int length) => RandomNumberGenerator.GetString(Base32, length);
}
