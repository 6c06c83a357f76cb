using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ScanPoint.Credentials.Dcc;
using ScanPoint.Credentials.Verdicts;

namespace ScanPoint.Credentials.VdsNc;

/// <summary>
/// Stage 1: bounded parse of <c>{"data": {"hdr", "msg"}, "sig": {"alg", "cer", "sigvl"}}</c>: text ≤ 8 KiB of UTF-8,
/// JSON depth ≤ 16, duplicate names refused; <c>cer</c> must be an X.509 certificate, <c>sigvl</c> base64url.
/// </summary>
internal static class VdsNcParseStage
{
    public const int MaxBytes = 8 * 1024;

    public const int MaxDepth = 16;

    private static readonly string[] KnownTypes = ["icao.vacc", "icao.test"];

    public static StageResult<VdsNcSeal> TryParse(string qrText)
    {
        if (qrText.Length > MaxBytes || Encoding.UTF8.GetByteCount(qrText) > MaxBytes)
        {
            return StageResult<VdsNcSeal>.Reject(VerdictCodes.TooLarge);
        }

        JsonNode? root;
        try
        {
            var options = new JsonDocumentOptions { MaxDepth = MaxDepth, AllowDuplicateProperties = false };
            root = JsonNode.Parse(qrText, documentOptions: options);
        }
        catch (Exception e) when (e is JsonException or ArgumentException or InvalidOperationException)
        {
            return StageResult<VdsNcSeal>.Reject(VerdictCodes.Json);
        }

        if (root is not JsonObject { Count: 2 } seal || seal["data"] is not JsonObject data || seal["sig"] is not JsonObject sig
            || data["hdr"] is not JsonObject hdr || data["msg"] is not JsonObject)
        {
            return StageResult<VdsNcSeal>.Reject(VerdictCodes.VdsFormat);
        }

        if (Text(hdr["t"]) is not { } type || Text(hdr["is"]) is not { Length: > 0 } || hdr["v"] is not JsonValue version)
        {
            return StageResult<VdsNcSeal>.Reject(VerdictCodes.VdsFormat);
        }

        if (!KnownTypes.Contains(type, StringComparer.Ordinal) || !version.TryGetValue<double>(out var v) || v != 1)
        {
            return StageResult<VdsNcSeal>.Unverifiable(VerdictCodes.VdsFormat);
        }

        if (Text(sig["alg"]) is not { } alg || Bytes(sig["cer"]) is not { } cer || Bytes(sig["sigvl"]) is not { Length: > 0 } signature)
        {
            return StageResult<VdsNcSeal>.Reject(VerdictCodes.VdsFormat);
        }

        if (JsonCanonicalizer.TryCanonicalize(data) is not { } canonical || LoadCertificate(cer) is not { } signer)
        {
            return StageResult<VdsNcSeal>.Reject(VerdictCodes.VdsFormat);
        }

        return StageResult<VdsNcSeal>.Ok(new VdsNcSeal(data, canonical, alg, signer, signature));
    }

    private static string? Text(JsonNode? node)
    {
        try
        {
            return node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;
        }
        catch (InvalidOperationException)
        {
            return null; // escaped lone surrogate
        }
    }

    /// <summary>base64url (the ICAO encoding) with optional '=' padding, as the published seals carry it.</summary>
    private static byte[]? Bytes(JsonNode? node)
    {
        if (Text(node) is not { Length: > 0 } text)
        {
            return null;
        }

        var unpadded = text.TrimEnd('=');
        if (text.Length - unpadded.Length > 2 || unpadded.Length % 4 == 1)
        {
            return null;
        }

        foreach (var c in unpadded)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
            {
                return null;
            }
        }

        var standard = unpadded.Replace('-', '+').Replace('_', '/');
        standard += new string('=', (4 - (standard.Length % 4)) % 4);
        var bytes = new byte[standard.Length];
        return Convert.TryFromBase64String(standard, bytes, out var written) ? bytes[..written] : null;
    }

    private static X509Certificate2? LoadCertificate(byte[] der)
    {
        try
        {
            return X509CertificateLoader.LoadCertificate(der);
        }
        catch (CryptographicException)
        {
            return null;
        }
    }
}
