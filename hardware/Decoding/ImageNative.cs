using System.Runtime.InteropServices;

namespace ScanPoint.Hardware.Decoding;

/// <summary>P/Invoke into <c>libscanpoint_native.so</c>: image-file decoding from Native/image_shim.cpp.</summary>
internal static unsafe partial class ImageNative
{
    private const string Library = "scanpoint_native";

    [LibraryImport(Library, EntryPoint = "sp_img_decode")]
    internal static partial byte* Decode(byte* data, int length, long maxPixels, out int width, out int height, byte* error, int errorLength);

    [LibraryImport(Library, EntryPoint = "sp_img_free")]
    internal static partial void Free(byte* pixels);
}
