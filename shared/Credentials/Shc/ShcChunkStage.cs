using ScanPoint.Credentials.Dcc;
using ScanPoint.Credentials.Verdicts;

namespace ScanPoint.Credentials.Shc;

/// <summary>
/// Stage 1: bounds the QR texts, strips <c>shc:/</c> and joins a chunked set (<c>shc:/i/n/…</c>, any order) into
/// one string of digits. A single text without <c>i/n/</c> passes through. Missing, duplicate or out-of-range
/// chunks and disagreeing n are SHC_CHUNKS.
/// </summary>
public static class ShcChunkStage
{
    public const string Prefix = "shc:/";

    /// <summary>Longest QR text accepted per chunk (a version-40 QR holds at most 7,089 digits).</summary>
    public const int MaxTextLength = 8 * 1024;

    /// <summary>Most chunks in one set (the spec's deprecated chunking needs at most a handful).</summary>
    public const int MaxChunks = 8;

    public static StageResult<string> TryAssemble(IReadOnlyList<string?>? qrTexts)
    {
        if (qrTexts is null || qrTexts.Count == 0)
        {
            return StageResult<string>.Reject(VerdictCodes.ShcChunks);
        }

        if (qrTexts.Count > MaxChunks)
        {
            return StageResult<string>.Reject(VerdictCodes.TooLarge);
        }

        var bodies = new string[qrTexts.Count];
        for (var i = 0; i < bodies.Length; i++)
        {
            var text = qrTexts[i];
            if (text is not null && text.Length > MaxTextLength)
            {
                return StageResult<string>.Reject(VerdictCodes.TooLarge);
            }

            if (text is null || !text.StartsWith(Prefix, StringComparison.Ordinal))
            {
                return StageResult<string>.Reject(VerdictCodes.Prefix);
            }

            bodies[i] = text[Prefix.Length..];
        }

        if (bodies.Length == 1 && !bodies[0].Contains('/', StringComparison.Ordinal))
        {
            return StageResult<string>.Ok(bodies[0]);
        }

        return Join(bodies);
    }

    private static StageResult<string> Join(string[] bodies)
    {
        var ordered = new string?[bodies.Length];
        foreach (var body in bodies)
        {
            var parts = body.Split('/');
            if (parts.Length != 3
                || ParseIndex(parts[0]) is not { } index
                || ParseIndex(parts[1]) is not { } count
                || count != bodies.Length
                || index > count
                || ordered[index - 1] is not null
                || parts[2].Length % 2 != 0)
            {
                return StageResult<string>.Reject(VerdictCodes.ShcChunks);
            }

            ordered[index - 1] = parts[2];
        }

        return StageResult<string>.Ok(string.Concat(ordered));
    }

    /// <summary>1 … <see cref="MaxChunks"/> written as plain decimal digits, no sign, no leading zero.</summary>
    private static int? ParseIndex(string text)
    {
        if (text.Length is 0 or > 2 || text[0] == '0' || !text.All(char.IsAsciiDigit))
        {
            return null;
        }

        var value = int.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
        return value <= MaxChunks ? value : null;
    }
}
