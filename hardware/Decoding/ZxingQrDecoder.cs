using System.Runtime.InteropServices;
using System.Text;

namespace ScanPoint.Hardware.Decoding;

/// <summary>
/// The primary decoder: zxing-cpp 1.4 (Debian's libzxing-dev) through the C shim. With
/// <see cref="ZxingOptions.TryInverted"/> an image with no code is tried again inverted and then with the global
/// histogram binarizer (zxing-cpp 1.4 has no inverted pass of its own); with <see cref="ZxingOptions.TryEnhanced"/>
/// those passes run again on a sharpened and then a median-filtered copy.
/// </summary>
public sealed class ZxingQrDecoder(ZxingOptions options) : IQrDecoder
{
    public ZxingQrDecoder()
        : this(ZxingOptions.StillImages)
    {
    }

    public string Name => "zxing-cpp";

    public ZxingOptions Options { get; } = options;

    /// <summary>Whether the shim loads on this machine (it is built by the project's build; see hardware/README.md).</summary>
    public static bool IsAvailable()
    {
        try
        {
            return ZxingNative.Version() == 1;
        }
        catch (DllNotFoundException)
        {
            return false;
        }
    }

    public IReadOnlyList<DecodedCode> Decode(GreyImage image)
    {
        ArgumentNullException.ThrowIfNull(image);
        var flags = (Options.TryHarder ? ZxingNative.ReadFlags.TryHarder : 0)
            | (Options.TryRotate ? ZxingNative.ReadFlags.TryRotate : 0)
            | (Options.TryDownscale ? ZxingNative.ReadFlags.TryDownscale : 0);
        var codes = ReadWithSecondChances(image, flags);
        if (codes.Count > 0 || !Options.TryEnhanced)
        {
            return codes;
        }

        codes = ReadWithSecondChances(EnhanceNative.Sharpened(image), flags);
        return codes.Count > 0 ? codes : ReadWithSecondChances(EnhanceNative.Median(image), flags);
    }

    private List<DecodedCode> ReadWithSecondChances(GreyImage image, ZxingNative.ReadFlags flags)
    {
        var codes = Read(image, flags);
        if (codes.Count > 0 || !Options.TryInverted)
        {
            return codes;
        }

        codes = Read(image.Inverted(), flags);
        return codes.Count > 0 ? codes : Read(image, flags | ZxingNative.ReadFlags.GlobalBinarizer);
    }

    private unsafe List<DecodedCode> Read(GreyImage image, ZxingNative.ReadFlags flags)
    {
        nint results;
        fixed (byte* pixels = image.Pixels)
        {
            results = ZxingNative.Read(pixels, image.Width, image.Height, image.Stride, flags, Options.MaxSymbols);
        }

        if (results == 0)
        {
            throw new InvalidOperationException("zxing-cpp shim could not allocate its results");
        }

        try
        {
            var error = Marshal.PtrToStringUTF8(ZxingNative.Error(results));
            if (!string.IsNullOrEmpty(error))
            {
                throw new InvalidOperationException("zxing-cpp failed: " + error);
            }

            var count = ZxingNative.Count(results);
            var codes = new List<DecodedCode>(count);
            for (var i = 0; i < count; i++)
            {
                codes.Add(ToCode(results, i));
            }

            return codes;
        }
        finally
        {
            ZxingNative.Free(results);
        }
    }

    private unsafe DecodedCode ToCode(nint results, int i)
    {
        var text = Copy(ZxingNative.Text(results, i, out var textLength), textLength);
        var bytes = Copy(ZxingNative.Bytes(results, i, out var bytesLength), bytesLength);
        var xy = stackalloc int[8];
        ZxingNative.Corners(results, i, xy);
        var corners = new CodePoint[4];
        for (var c = 0; c < 4; c++)
        {
            corners[c] = new CodePoint(xy[2 * c], xy[(2 * c) + 1]);
        }

        return new DecodedCode(
            Encoding.UTF8.GetString(text),
            bytes,
            Name,
            Marshal.PtrToStringUTF8(ZxingNative.EcLevel(results, i)) ?? "",
            corners,
            ZxingNative.HasEci(results, i) != 0);
    }

    private static byte[] Copy(nint data, int length)
    {
        var copy = new byte[length];
        if (length > 0)
        {
            Marshal.Copy(data, copy, 0, length);
        }

        return copy;
    }
}
