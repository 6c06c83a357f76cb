using ScanPoint.Credentials.Verdicts;

namespace ScanPoint.Credentials.Dcc;

/// <summary>Stage 2: Base45 text → compressed bytes.</summary>
public static class Base45Stage
{
    public static StageResult<byte[]> TryDecode(string text)
    {
        if (text.Length > PrefixStage.MaxTextLength)
        {
            return StageResult<byte[]>.Reject(VerdictCodes.TooLarge);
        }

        return Base45.TryDecode(text, out var data)
            ? StageResult<byte[]>.Ok(data)
            : StageResult<byte[]>.Reject(VerdictCodes.Base45);
    }
}
