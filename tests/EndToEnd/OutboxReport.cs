namespace ScanPoint.EndToEnd.Tests;

/// <summary>What <c>kiosk outbox --data-dir DIR</c> prints, parsed; <paramref name="Source"/> is "running kiosk" or "outbox file".</summary>
internal sealed record OutboxReport(long Pending, long Acknowledged, long LastSeq, string Source, string Text)
{
    public static OutboxReport Parse(string text)
    {
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        long Number(string label) =>
            lines.FirstOrDefault(l => l.StartsWith(label + ": ", StringComparison.Ordinal)) is { } line
                ? long.Parse(line[(label.Length + 2)..], System.Globalization.CultureInfo.InvariantCulture)
                : throw new FormatException($"'{label}:' missing from the outbox report:\n{text}");
        var source = lines.FirstOrDefault(l => l.StartsWith("(from the ", StringComparison.Ordinal)) is { } from
            ? from["(from the ".Length..].TrimEnd(')')
            : "";
        return new OutboxReport(Number("pending"), Number("acknowledged"), Number("last seq"), source, text);
    }

    public override string ToString() => $"pending {Pending}, acknowledged {Acknowledged}, last seq {LastSeq} (from the {Source})";
}
