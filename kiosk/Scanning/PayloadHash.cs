using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace ScanPoint.Kiosk.Scanning;

/// <summary>SHA-256 of a scanned text, base64url: what logs and check-ins carry instead of the payload.</summary>
public static class PayloadHash
{
    public static string Of(string text) => Base64Url.EncodeToString(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
