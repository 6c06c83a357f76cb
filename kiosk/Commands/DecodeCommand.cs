using System.Diagnostics;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using ScanPoint.Hardware.Decoding;

namespace ScanPoint.Kiosk.Commands;

/// <summary>
/// <c>kiosk decode [--json] [--no-second-opinion] IMAGE...</c>: the technicians' check of what the kiosk reads in an
/// image (PNG, JPEG, WebP, PGM, BMP). One line per image; with <c>--json</c>
/// <c>{"file":…,"codes":[{"text":…,"decoder":…,"ecLevel":…,"corners":[[x,y],…]}],"ms":…}</c>, plus <c>"error"</c>
/// for a file that is not a readable image. Exit 0 when every image held a code, 1 when one did not, 64 usage error.
/// </summary>
internal static class DecodeCommand
{
    public const int UsageError = 64;

    /// <summary>How long WeChatQRCode may look at an image after zxing-cpp found nothing.</summary>
    public static readonly TimeSpan SecondOpinionBudget = TimeSpan.FromSeconds(2);

    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static int Run(IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        var json = args.Contains("--json");
        var secondOpinion = !args.Contains("--no-second-opinion");
        var files = args.Where(a => a is not ("--json" or "--no-second-opinion")).ToList();
        if (files.Count == 0 || files.Any(f => f.StartsWith("--", StringComparison.Ordinal)))
        {
            error.WriteLine("usage: kiosk decode [--json] [--no-second-opinion] IMAGE...");
            return UsageError;
        }

        if (!ZxingQrDecoder.IsAvailable())
        {
            error.WriteLine("decode: libscanpoint_native.so is missing: build the project, or on a Pi run native/build-native.sh");
            return UsageError;
        }

        using var decoder = secondOpinion
            ? SecondOpinionQrDecoder.CreateDefault(SecondOpinionBudget)
            : new SecondOpinionQrDecoder(new ZxingQrDecoder(ZxingOptions.StillImages), null, TimeSpan.Zero);
        var allRead = true;
        foreach (var file in files)
        {
            var started = Stopwatch.GetTimestamp();
            IReadOnlyList<DecodedCode> codes = [];
            string? problem = null;
            try
            {
                codes = decoder.Decode(ImageFiles.Load(file));
            }
            catch (Exception ex) when (ex is InvalidDataException or IOException or UnauthorizedAccessException)
            {
                problem = ex is InvalidDataException ? ex.Message : $"{file}: {ex.Message}";
            }

            var ms = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            allRead &= codes.Count > 0;
            if (json)
            {
                WriteJson(output, file, codes, ms, problem);
            }
            else
            {
                WriteText(output, file, codes, ms, problem);
            }
        }

        return allRead ? 0 : 1;
    }

    private static void WriteText(TextWriter output, string file, IReadOnlyList<DecodedCode> codes, double ms, string? problem)
    {
        var summary = problem ?? (codes.Count == 0 ? "no code" : codes.Count == 1 ? "1 code" : $"{codes.Count} codes");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{file}: {summary} ({ms:0.0} ms)"));
        foreach (var code in codes)
        {
            output.WriteLine($"  [{code.Decoder}{(code.ErrorCorrection.Length > 0 ? ", EC " + code.ErrorCorrection : "")}] {code.Text}");
        }
    }

    private static void WriteJson(TextWriter output, string file, IReadOnlyList<DecodedCode> codes, double ms, string? problem)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteString("file", file);
            writer.WriteStartArray("codes");
            foreach (var code in codes)
            {
                writer.WriteStartObject();
                writer.WriteString("text", code.Text);
                writer.WriteString("decoder", code.Decoder);
                writer.WriteString("ecLevel", code.ErrorCorrection);
                writer.WriteStartArray("corners");
                foreach (var corner in code.Corners)
                {
                    writer.WriteStartArray();
                    writer.WriteNumberValue(corner.X);
                    writer.WriteNumberValue(corner.Y);
                    writer.WriteEndArray();
                }

                writer.WriteEndArray();
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteNumber("ms", Math.Round(ms, 2));
            if (problem is not null)
            {
                writer.WriteString("error", problem);
            }

            writer.WriteEndObject();
        }

        output.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
    }
}
