namespace ScanPoint.Credentials.CitizenId;

/// <summary>The 63 province/city codes (001–096, not contiguous) that open a 12-digit CCCD number (Circular 07/2016/TT-BCA).</summary>
internal static class CitizenIdProvinces
{
    private static readonly HashSet<int> Codes =
    [
        1, 2, 4, 6, 8, 10, 11, 12, 14, 15, 17, 19, 20, 22, 24, 25, 26, 27, 30, 31, 33, 34, 35, 36, 37, 38, 40, 42, 44,
        45, 46, 48, 49, 51, 52, 54, 56, 58, 60, 62, 64, 66, 67, 68, 70, 72, 74, 75, 77, 79, 80, 82, 83, 84, 86, 87, 89,
        91, 92, 93, 94, 95, 96,
    ];

    public static bool IsKnown(int code) => Codes.Contains(code);
}
