using System.Buffers.Binary;
using System.Text;
using OpenCvSharp;
using ScanPoint.Hardware.Decoding;
using ScanPoint.TestKit;

namespace ScanPoint.Hardware.Tests.Decoding;

/// <summary>Image files through the native shim (stb_image, libwebp): every format, bounded, clear errors.</summary>
public sealed class ImageFilesTests
{
    [Theory]
    [InlineData(".png")]
    [InlineData(".jpg")]
    [InlineData(".webp")]
    [InlineData(".pgm")]
    [InlineData(".ppm")]
    [InlineData(".bmp")]
    public void Every_format_reads_as_the_same_grey_picture(string extension)
    {
        using var picture = new Mat(60, 80, MatType.CV_8UC3, new Scalar(40, 120, 200));
        picture.Rectangle(new Rect(10, 10, 30, 20), Scalar.White, -1);
        using var grey = picture.CvtColor(ColorConversionCodes.BGR2GRAY);
        Cv2.ImEncode(extension, extension == ".pgm" ? grey : picture, out var encoded, extension == ".webp" ? [new ImageEncodingParam(ImwriteFlags.WebPQuality, 101)] : []);

        var image = ImageFiles.Decode(encoded, "picture" + extension);

        Assert.Equal((80, 60), (image.Width, image.Height));
        var lossy = extension == ".jpg" ? 8 : 2;
        Assert.InRange(image.Pixels[(20 * 80) + 20], 255 - lossy, 255);
        var expectedGround = ((200 * 77) + (120 * 150) + (40 * 29)) >> 8; // BGR (40,120,200) as luma
        Assert.InRange(image.Pixels[(50 * 80) + 70], expectedGround - lossy, expectedGround + lossy);
    }

    [Fact]
    public void A_header_claiming_too_many_pixels_is_refused_before_decoding()
    {
        var png = PngHeaderOnly(width: 10_000, height: 10_000); // 100 Mpx: under stb_image's own 1 Gpx cap, over ours

        var error = Assert.Throws<InvalidDataException>(() => ImageFiles.Decode(png, "bomb.png"));

        Assert.Contains("10000x10000 is over the limit", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Truncated_and_random_bytes_give_a_clear_error()
    {
        Cv2.ImEncode(".png", new Mat(100, 100, MatType.CV_8UC1, Scalar.All(128)), out var png);
        var random = new byte[4096];
        new Random(7).NextBytes(random);

        Assert.Throws<InvalidDataException>(() => ImageFiles.Decode(png.AsSpan(0, png.Length / 2), "half.png"));
        Assert.Throws<InvalidDataException>(() => ImageFiles.Decode(random, "noise.bin"));
        Assert.Throws<InvalidDataException>(() => ImageFiles.Decode([], "empty"));
        Assert.Throws<InvalidDataException>(() => ImageFiles.Decode("RIFF\0\0\0\0WEBPVP8 "u8, "short.webp"));
    }

    [Fact]
    public void A_file_over_the_size_limit_is_refused_without_reading_it()
    {
        using var dir = new TempDirectory("images");
        var path = dir.File("huge.png");
        using (var file = File.Create(path))
        {
            file.SetLength(ImageFiles.MaxFileBytes + 1);
        }

        var error = Assert.Throws<InvalidDataException>(() => ImageFiles.Load(path));

        Assert.Contains("limit for images", error.Message, StringComparison.Ordinal);
    }

    private static byte[] PngHeaderOnly(int width, int height)
    {
        var ihdr = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(ihdr, width);
        BinaryPrimitives.WriteInt32BigEndian(ihdr.AsSpan(4), height);
        ihdr[8] = 8; // bit depth; colour type 0 = grey
        using var png = new MemoryStream();
        png.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, ihdr.Length);
        png.Write(length);
        var chunk = Encoding.ASCII.GetBytes("IHDR").Concat(ihdr).ToArray();
        png.Write(chunk);
        Span<byte> crc = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(crc, Crc32(chunk));
        png.Write(crc);
        return png.ToArray();
    }

    private static uint Crc32(byte[] data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }

        return ~crc;
    }
}
