namespace ScanPoint.Hardware.Tests.Camera;

/// <summary>A fact that needs gcc and the kernel headers; skipped, saying so, only when gcc is not on the PATH.</summary>
public sealed class GccFactAttribute : FactAttribute
{
    public GccFactAttribute()
    {
        if (Gcc is null)
        {
            Skip = "gcc is not installed: the V4L2 ABI check compiles a C program against <linux/videodev2.h>";
        }
    }

    public static string? Gcc { get; } = (Environment.GetEnvironmentVariable("PATH") ?? "")
        .Split(':', StringSplitOptions.RemoveEmptyEntries)
        .Select(folder => Path.Combine(folder, "gcc"))
        .FirstOrDefault(File.Exists);
}
