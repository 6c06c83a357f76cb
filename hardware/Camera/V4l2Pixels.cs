using System.Runtime.Intrinsics;
using ScanPoint.Hardware.Decoding;

namespace ScanPoint.Hardware.Camera;

/// <summary>Copies the luminance of a V4L2 frame (packed YUYV 4:2:2 or 8-bit GREY) into a <see cref="GreyImage"/>.</summary>
internal static class V4l2Pixels
{
    /// <summary>Copies the luminance of a <see cref="V4l2Native.PixFmtGrey"/> or <see cref="V4l2Native.PixFmtYuyv"/> frame.</summary>
    public static void ToGrey(uint pixelFormat, ReadOnlySpan<byte> source, int bytesPerLine, GreyImage target)
    {
        switch (pixelFormat)
        {
            case V4l2Native.PixFmtGrey:
                GreyToGrey(source, bytesPerLine, target);
                break;
            case V4l2Native.PixFmtYuyv:
                YuyvToGrey(source, bytesPerLine, target);
                break;
            default:
                throw new NotSupportedException($"pixel format {FourCcText(pixelFormat)} is neither GREY nor YUYV");
        }
    }

    /// <summary>Takes the Y byte of every pixel (Y0 U Y1 V): rows of <paramref name="bytesPerLine"/> bytes.</summary>
    public static void YuyvToGrey(ReadOnlySpan<byte> source, int bytesPerLine, GreyImage target)
    {
        Check(source, bytesPerLine, target.Width * 2, target);
        var mask = Vector128.Create((ushort)0xFF);
        for (var y = 0; y < target.Height; y++)
        {
            var row = source.Slice(y * bytesPerLine, target.Width * 2);
            var grey = target.Pixels.AsSpan(y * target.Stride, target.Width);
            var x = 0;
            for (; x + 16 <= grey.Length; x += 16)
            {
                var low = Vector128.Create(row.Slice(2 * x, 16)).AsUInt16() & mask;
                var high = Vector128.Create(row.Slice((2 * x) + 16, 16)).AsUInt16() & mask;
                Vector128.Narrow(low, high).CopyTo(grey[x..]);
            }

            for (; x < grey.Length; x++)
            {
                grey[x] = row[2 * x];
            }
        }
    }

    /// <summary>Copies 8-bit grey rows of <paramref name="bytesPerLine"/> bytes.</summary>
    public static void GreyToGrey(ReadOnlySpan<byte> source, int bytesPerLine, GreyImage target)
    {
        Check(source, bytesPerLine, target.Width, target);
        for (var y = 0; y < target.Height; y++)
        {
            source.Slice(y * bytesPerLine, target.Width).CopyTo(target.Pixels.AsSpan(y * target.Stride, target.Width));
        }
    }

    /// <summary>A V4L2 fourcc as its four characters, e.g. <c>YUYV</c>.</summary>
    public static string FourCcText(uint fourCc) =>
        new([(char)(fourCc & 0xFF), (char)((fourCc >> 8) & 0xFF), (char)((fourCc >> 16) & 0xFF), (char)(fourCc >> 24)]);

    private static void Check(ReadOnlySpan<byte> source, int bytesPerLine, int rowBytes, GreyImage target)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentOutOfRangeException.ThrowIfLessThan(bytesPerLine, rowBytes);
        if ((long)bytesPerLine * (target.Height - 1) + rowBytes > source.Length)
        {
            throw new InvalidDataException($"a {target.Width}x{target.Height} frame with {bytesPerLine} bytes per line needs more than the {source.Length} bytes delivered");
        }
    }
}
