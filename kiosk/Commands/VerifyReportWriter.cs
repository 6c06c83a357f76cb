using System.Text.Encodings.Web;
using System.Text.Json;

namespace ScanPoint.Kiosk.Commands;

/// <summary>Prints a <see cref="VerifyReport"/> as one JSON object or as a short table; the subject only when asked.</summary>
internal static class VerifyReportWriter
{
    private static readonly JsonWriterOptions JsonOptions = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static void WriteJson(VerifyReport report, bool showSubject, TextWriter output)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, JsonOptions))
        {
            json.WriteStartObject();
            json.WriteString("format", report.Format);
            json.WriteString("verdict", report.VerdictName);
            json.WriteString("code", report.Verdict.Code);
            json.WriteStartArray("warnings");
            foreach (var warning in report.Warnings)
            {
                json.WriteStringValue(warning);
            }

            json.WriteEndArray();
            json.WriteStartObject("checks");
            foreach (var (name, value) in report.Checks.ToPairs())
            {
                if (value is { } b)
                {
                    json.WriteBoolean(name, b);
                }
                else
                {
                    json.WriteNull(name);
                }
            }

            json.WriteEndObject();
            if (showSubject)
            {
                json.WriteStartObject("subject");
                json.WriteString("name", report.Subject?.Name);
                json.WriteString("dob", report.Subject?.DateOfBirth);
                if (report.Subject?.IdNumber is { } id)
                {
                    json.WriteString("id", id);
                }

                json.WriteEndObject();
            }

            json.WriteEndObject();
        }

        output.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
    }

    public static void WriteTable(VerifyReport report, bool showSubject, TextWriter output)
    {
        output.WriteLine($"format      {report.Format}");
        output.WriteLine($"verdict     {report.VerdictName}{(report.Verdict.Code is { } code ? $" ({code})" : "")}");
        output.WriteLine($"warnings    {(report.Warnings.Any() ? string.Join(", ", report.Warnings) : "-")}");
        foreach (var (name, value) in report.Checks.ToPairs())
        {
            output.WriteLine($"  {name,-10} {value switch { true => "ok", false => "FAIL", null => "-" }}");
        }

        if (showSubject)
        {
            output.WriteLine($"name        {report.Subject?.Name ?? "-"}");
            output.WriteLine($"dob         {report.Subject?.DateOfBirth ?? "-"}");
            if (report.Subject?.IdNumber is { } id)
            {
                output.WriteLine($"id          {id}");
            }
        }
    }
}
