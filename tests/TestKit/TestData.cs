namespace ScanPoint.TestKit;

/// <summary>
/// The external test suites in <c>../shared/testdata</c> beside the checkout (read-only; never edited).
/// SCANPOINT_TESTDATA overrides the location.
/// </summary>
public static class TestData
{
    /// <summary>The repository root: the folder holding ScanPoint.slnx.</summary>
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public static string Root { get; } = Find();

    private static string Find()
    {
        var overridden = Environment.GetEnvironmentVariable("SCANPOINT_TESTDATA");
        var path = overridden is { Length: > 0 } ? overridden : Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared", "testdata"));
        return Directory.Exists(path)
            ? path
            : throw new DirectoryNotFoundException($"test data not found at {path} (expected ../shared/testdata beside the checkout, or SCANPOINT_TESTDATA)");
    }

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ScanPoint.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("ScanPoint.slnx not found above " + AppContext.BaseDirectory);
    }
}
