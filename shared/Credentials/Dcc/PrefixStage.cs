using ScanPoint.Credentials.Verdicts;

namespace ScanPoint.Credentials.Dcc;

/// <summary>Stage 1: bounds the QR text and strips the <c>HC1:</c> context identifier.</summary>
public static class PrefixStage
{
    public const string Prefix = "HC1:";

    /// <summary>Longest QR text accepted (a version-40 QR holds at most 4,296 alphanumeric characters).</summary>
    public const int MaxTextLength = 8 * 1024;

    public static StageResult<string> TryUnprefix(string? qrText)
    {
        if (qrText is null)
        {
            return StageResult<string>.Reject(VerdictCodes.Prefix);
        }

        if (qrText.Length > MaxTextLength)
        {
            return StageResult<string>.Reject(VerdictCodes.TooLarge);
        }

        return qrText.StartsWith(Prefix, StringComparison.Ordinal)
            ? StageResult<string>.Ok(qrText[Prefix.Length..])
            : StageResult<string>.Reject(VerdictCodes.Prefix);
    }
}
