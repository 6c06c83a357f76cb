using System.Text.Encodings.Web;
using System.Text.Json;

namespace ScanPoint.Kiosk.Commands;

/// <summary>Prints <c>kiosk selftest</c>'s result: a table, or <c>{"passed":…,"checks":[{"name","passed","detail"}]}</c>.</summary>
internal static class SelftestCommandReport
{
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, Indented = true };

    public static void Write(TextWriter output, IReadOnlyList<SelftestCheck> checks, bool json)
    {
        if (json)
        {
            using var stream = new MemoryStream();
            using (var writer = new Utf8JsonWriter(stream, WriterOptions))
            {
                writer.WriteStartObject();
                writer.WriteBoolean("passed", checks.All(c => c.Passed));
                writer.WriteStartArray("checks");
                foreach (var check in checks)
                {
                    writer.WriteStartObject();
                    writer.WriteString("name", check.Name);
                    writer.WriteBoolean("passed", check.Passed);
                    writer.WriteString("detail", check.Detail);
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
                writer.WriteEndObject();
            }

            output.WriteLine(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
            return;
        }

        var width = Math.Max(5, checks.Max(c => c.Name.Length));
        output.WriteLine($"{"check".PadRight(width)}  result  detail");
        foreach (var check in checks)
        {
            output.WriteLine($"{check.Name.PadRight(width)}  {(check.Passed ? "PASS" : "FAIL"),-6}  {check.Detail}");
        }

        var failed = checks.Count(c => !c.Passed);
        output.WriteLine(failed == 0 ? $"all {checks.Count} checks passed" : $"{failed} of {checks.Count} checks failed");
    }
}
