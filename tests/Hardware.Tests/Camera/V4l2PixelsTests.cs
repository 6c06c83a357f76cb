using ScanPoint.Hardware.Camera;
using ScanPoint.Hardware.Decoding;

namespace ScanPoint.Hardware.Tests.Camera;

public sealed class V4l2PixelsTests
{
    [Theory]
    [InlineData(38, 5, 38 * 2)]
    [InlineData(64, 4, 64 * 2 + 24)]
    [InlineData(1280, 3, 1280 * 2)]
    public void YuyvToGrey_TakesTheYBytesOfEveryRow(int width, int height, int bytesPerLine)
    {
        var random = new Random(width);
        var yuyv = new byte[bytesPerLine * height];
        random.NextBytes(yuyv);
        var target = new GreyImage(width, height, width + 3, new byte[(width + 3) * height]);

        V4l2Pixels.YuyvToGrey(yuyv, bytesPerLine, target);

        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                Assert.Equal(yuyv[(y * bytesPerLine) + (2 * x)], target.Pixels[(y * target.Stride) + x]);
            }
        }
    }

    [Fact]
    public void GreyToGrey_CopiesRowsWithoutPadding()
    {
        var grey = Enumerable.Range(0, 12 * 3).Select(i => (byte)i).ToArray();
        var target = new GreyImage(10, 3);

        V4l2Pixels.GreyToGrey(grey, 12, target);

        Assert.Equal(grey.AsSpan(0, 10).ToArray(), target.Pixels.AsSpan(0, 10).ToArray());
        Assert.Equal(grey.AsSpan(12, 10).ToArray(), target.Pixels.AsSpan(10, 10).ToArray());
        Assert.Equal(grey.AsSpan(24, 10).ToArray(), target.Pixels.AsSpan(20, 10).ToArray());
    }

    [Fact]
    public void YuyvToGrey_ShortFrame_ThrowsInvalidData()
    {
        var target = new GreyImage(16, 4);

        Assert.Throws<InvalidDataException>(() => V4l2Pixels.YuyvToGrey(new byte[(32 * 4) - 1], 32, target));
    }

    [Fact]
    public void FourCcText_SpellsThePixelFormat()
    {
        Assert.Equal("YUYV", V4l2Pixels.FourCcText(V4l2Native.PixFmtYuyv));
        Assert.Equal("GREY", V4l2Pixels.FourCcText(V4l2Native.PixFmtGrey));
    }
}
