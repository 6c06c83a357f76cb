using System.Text.Json;
using OpenCvSharp;
using ScanPoint.Kiosk.Commands;
using ScanPoint.TestKit;

namespace ScanPoint.Kiosk.Tests.Commands;

public sealed class DecodeCommandTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Theory]
    [InlineData(".png")]
    [InlineData(".jpg")]
    [InlineData(".webp")]
    [InlineData(".pgm")]
    [InlineData(".bmp")]
    public void Json_line_per_image_names_the_text_and_decoder_in_every_format(string extension)
    {
        var (prefix, png) = DccImage("AT/2DCode/raw/1.json");
        using var mat = Cv2.ImDecode(png, ImreadModes.Grayscale);
        var file = Path.Combine(_dir.Path, "code" + extension);
        Assert.True(Cv2.ImWrite(file, mat));

        var (exit, output, _) = Run("--json", file);

        Assert.Equal(0, exit);
        using var line = JsonDocument.Parse(Assert.Single(Lines(output)));
        Assert.Equal(file, line.RootElement.GetProperty("file").GetString());
        var code = Assert.Single(line.RootElement.GetProperty("codes").EnumerateArray());
        Assert.Equal(prefix, code.GetProperty("text").GetString());
        Assert.Equal("zxing-cpp", code.GetProperty("decoder").GetString());
        Assert.Equal("Q", code.GetProperty("ecLevel").GetString());
        Assert.Equal(4, code.GetProperty("corners").GetArrayLength());
        Assert.True(line.RootElement.GetProperty("ms").GetDouble() > 0);
    }

    [Fact]
    public void An_unreadable_file_and_an_image_without_a_code_exit_1_and_every_image_still_gets_its_line()
    {
        var notAnImage = Path.Combine(_dir.Path, "notes.png");
        File.WriteAllText(notAnImage, "not an image");
        var blank = Path.Combine(_dir.Path, "blank.png");
        using (var white = new Mat(200, 200, MatType.CV_8UC1, Scalar.All(255)))
        {
            Assert.True(Cv2.ImWrite(blank, white));
        }

        var (_, png) = DccImage("AT/2DCode/raw/1.json");
        var good = Path.Combine(_dir.Path, "good.png");
        File.WriteAllBytes(good, png);

        var (exit, output, _) = Run("--json", notAnImage, blank, good);

        Assert.Equal(1, exit);
        var lines = Lines(output).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(3, lines.Count);
        Assert.Contains("not a readable", lines[0].GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, lines[1].GetProperty("codes").GetArrayLength());
        Assert.False(lines[1].TryGetProperty("error", out _));
        Assert.Equal(1, lines[2].GetProperty("codes").GetArrayLength());
    }

    [Fact]
    public void Text_output_names_each_file_and_its_codes()
    {
        var (prefix, png) = DccImage("AT/2DCode/raw/1.json");
        var file = Path.Combine(_dir.Path, "code.png");
        File.WriteAllBytes(file, png);

        var (exit, output, _) = Run(file);

        Assert.Equal(0, exit);
        Assert.StartsWith(file + ": 1 code (", output, StringComparison.Ordinal);
        Assert.Contains("[zxing-cpp, EC Q] " + prefix, output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData]
    [InlineData("--json")]
    [InlineData("--bogus", "x.png")]
    public void Usage_errors_exit_64(params string[] args)
    {
        var (exit, _, error) = Run(args);

        Assert.Equal(DecodeCommand.UsageError, exit);
        Assert.Contains("usage: kiosk decode", error, StringComparison.Ordinal);
    }

    private static (int Exit, string Output, string Error) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = DecodeCommand.Run(args, output, error);
        return (exit, output.ToString(), error.ToString());
    }

    private static string[] Lines(string output) => output.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    private static (string Prefix, byte[] Png) DccImage(string relative)
    {
        using var doc = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(TestData.Root, "dcc", relative)));
        return (doc.RootElement.GetProperty("PREFIX").GetString()!, Convert.FromBase64String(doc.RootElement.GetProperty("2DCODE").GetString()!));
    }
}
