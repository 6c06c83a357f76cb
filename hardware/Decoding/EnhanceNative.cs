using System.Runtime.InteropServices;

namespace ScanPoint.Hardware.Decoding;

/// <summary>P/Invoke into <c>libscanpoint_native.so</c>: the second-chance image copies of Native/enhance_shim.cpp.</summary>
internal static unsafe partial class EnhanceNative
{
    private const string Library = "scanpoint_native";

    [LibraryImport(Library, EntryPoint = "sp_img_sharpen")]
    internal static partial void Sharpen(byte* source, int width, int height, int stride, byte* target);

    [LibraryImport(Library, EntryPoint = "sp_img_median5")]
    internal static partial void Median5(byte* source, int width, int height, int stride, byte* target);

    /// <summary>Min-max stretch plus unsharp mask (2·image − Gaussian σ 2 px), as a new packed image.</summary>
    internal static GreyImage Sharpened(GreyImage image) => Apply(image, &Sharpen);

    /// <summary>A 5×5 median, as a new packed image.</summary>
    internal static GreyImage Median(GreyImage image) => Apply(image, &Median5);

    private static GreyImage Apply(GreyImage image, delegate*<byte*, int, int, int, byte*, void> filter)
    {
        var result = new GreyImage(image.Width, image.Height);
        fixed (byte* source = image.Pixels)
        fixed (byte* target = result.Pixels)
        {
            filter(source, image.Width, image.Height, image.Stride, target);
        }

        return result;
    }
}
