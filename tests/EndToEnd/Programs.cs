using System.Reflection;

namespace ScanPoint.EndToEnd.Tests;

/// <summary>
/// The real programs under test, as built next to these tests: <c>kiosk/bin/CONFIG/TFM/ScanPoint.Kiosk.dll</c> and
/// <c>fleet-server/bin/CONFIG/TFM/ScanPoint.FleetServer.dll</c> of the repository holding ScanPoint.slnx.
/// </summary>
internal static class Programs
{
    private static readonly Lazy<string> Root = new(FindRepositoryRoot);

    public static string Kiosk => Dll("kiosk", "ScanPoint.Kiosk.dll");

    public static string FleetServer => Dll("fleet-server", "ScanPoint.FleetServer.dll");

    public static string NationalReceiver => Dll(Path.Combine("tests", "NationalReceiver"), "ScanPoint.NationalReceiver.dll");

    /// <summary>The dotnet host that runs the tests (the SDK exports it as DOTNET_HOST_PATH), else dotnet on the PATH.</summary>
    public static string DotnetHost =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";

    private static string Dll(string project, string fileName)
    {
        var path = Path.Combine(Root.Value, project, "bin", Metadata("ScanPoint.Configuration"), Metadata("ScanPoint.TargetFramework"), fileName);
        return File.Exists(path)
            ? path
            : throw new FileNotFoundException($"{path} is missing: build the solution (dotnet build ScanPoint.slnx) with the configuration of the tests", path);
    }

    private static string Metadata(string key) =>
        typeof(Programs).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().SingleOrDefault(a => a.Key == key)?.Value
        ?? throw new InvalidOperationException($"assembly metadata {key} is missing (set in ScanPoint.EndToEnd.Tests.csproj)");

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ScanPoint.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"no ScanPoint.slnx above {AppContext.BaseDirectory}");
    }
}
