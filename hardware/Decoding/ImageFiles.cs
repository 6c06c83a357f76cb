using System.Runtime.InteropServices;
using OpenCvSharp;

namespace ScanPoint.Hardware.Decoding;

/// <summary>
/// Reads PNG, JPEG, WebP, PGM/PPM and BMP files (through OpenCV) as greyscale. Bounded: files over
/// <see cref="MaxFileBytes"/> are refused before reading and OpenCV refuses images over <see cref="MaxPixels"/>.
/// </summary>
public static partial class ImageFiles
{
    public const long MaxFileBytes = 64L * 1024 * 1024;

    public const long MaxPixels = 64L * 1024 * 1024;

    static ImageFiles()
    {
        // OpenCV reads its limit from the process environment, which .NET's Environment does not write through to.
        _ = SetEnv("OPENCV_IO_MAX_IMAGE_PIXELS", MaxPixels.ToString(System.Globalization.CultureInfo.InvariantCulture), 1);
    }

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
    public static GreyImage Decode(byte[] encoded, string name = "image")
    {
        ArgumentNullException.ThrowIfNull(encoded);
        using var mat = TryDecode(encoded);
        if (mat is null || mat.Empty())
        {
            throw new InvalidDataException($"{name}: not a readable PNG, JPEG, WebP, PGM or BMP image");
        }

        return Frames.ToGreyImage(mat);
    }

    private static Mat? TryDecode(byte[] encoded)
    {
        try
        {
            return Cv2.ImDecode(encoded, ImreadModes.Grayscale);
        }
        catch (OpenCVException)
        {
            return null; // OpenCV throws for some malformed or oversized inputs instead of returning an empty Mat
        }
    }

    [LibraryImport("libc", EntryPoint = "setenv", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int SetEnv(string name, string value, int overwrite);
}
