using System.Text;

namespace ScanPoint.Hardware.Decoding;

/// <summary>
/// Reads PNG, JPEG, WebP, PGM/PPM and BMP files as greyscale through the native shim (stb_image and libwebp, so it
/// works on a Pi without OpenCV). Bounded: files over <see cref="MaxFileBytes"/> are refused before reading, images
/// over <see cref="MaxPixels"/> after reading only their header.
/// </summary>
public static class ImageFiles
{
    public const long MaxFileBytes = 64L * 1024 * 1024;

    public const long MaxPixels = 64L * 1024 * 1024;

    /// <summary>Decodes an image file; throws <see cref="InvalidDataException"/> for anything that is not a readable image.</summary>
    public static GreyImage Load(string path)
    {
        var length = new FileInfo(path).Length;
        if (length > MaxFileBytes)
        {
            throw new InvalidDataException($"{path}: {length} bytes is over the {MaxFileBytes}-byte limit for images");
        }

        return Decode(File.ReadAllBytes(path), path);
    }

    /// <summary>Decodes an encoded image held in memory.</summary>
    public static unsafe GreyImage Decode(ReadOnlySpan<byte> encoded, string name = "image")
    {
        Span<byte> error = stackalloc byte[256];
        byte* pixels;
        int width, height;
        fixed (byte* data = encoded)
        fixed (byte* message = error)
        {
            pixels = ImageNative.Decode(data, encoded.Length, MaxPixels, out width, out height, message, error.Length);
        }

        if (pixels is null)
        {
            var end = error.IndexOf((byte)0);
            throw new InvalidDataException($"{name}: {Encoding.UTF8.GetString(end < 0 ? error : error[..end])}");
        }

        try
        {
            var image = new GreyImage(width, height);
            new ReadOnlySpan<byte>(pixels, width * height).CopyTo(image.Pixels);
            return image;
        }
        finally
        {
            ImageNative.Free(pixels);
        }
    }
}
