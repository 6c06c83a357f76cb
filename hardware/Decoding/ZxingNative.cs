using System.Runtime.InteropServices;

namespace ScanPoint.Hardware.Decoding;

/// <summary>P/Invoke into <c>libscanpoint_native.so</c>: the C shim over zxing-cpp built from Native/zxing_shim.cpp.</summary>
internal static partial class ZxingNative
{
    private const string Library = "scanpoint_native";

    [Flags]
    internal enum ReadFlags
    {
        None = 0,
        TryHarder = 1,
        TryRotate = 2,
        TryDownscale = 4,
        Pure = 8,
        GlobalBinarizer = 16,
    }

    [LibraryImport(Library, EntryPoint = "sp_zx_version")]
    internal static partial int Version();

    [LibraryImport(Library, EntryPoint = "sp_zx_read")]
    internal static unsafe partial nint Read(byte* pixels, int width, int height, int stride, ReadFlags flags, int maxSymbols);

    [LibraryImport(Library, EntryPoint = "sp_zx_count")]
    internal static partial int Count(nint results);

    [LibraryImport(Library, EntryPoint = "sp_zx_error")]
    internal static partial nint Error(nint results);

    [LibraryImport(Library, EntryPoint = "sp_zx_text")]
    internal static partial nint Text(nint results, int index, out int length);

    [LibraryImport(Library, EntryPoint = "sp_zx_bytes")]
    internal static partial nint Bytes(nint results, int index, out int length);

    [LibraryImport(Library, EntryPoint = "sp_zx_ec_level")]
    internal static partial nint EcLevel(nint results, int index);

    [LibraryImport(Library, EntryPoint = "sp_zx_has_eci")]
    internal static partial int HasEci(nint results, int index);

    [LibraryImport(Library, EntryPoint = "sp_zx_corners")]
    internal static unsafe partial void Corners(nint results, int index, int* xy8);

    [LibraryImport(Library, EntryPoint = "sp_zx_free")]
    internal static partial void Free(nint results);
}
