namespace ScanPoint.Benchmarks.Measuring;

/// <summary>A fresh folder for one benchmark run, deleted afterwards.</summary>
internal sealed class WorkFolder : IDisposable
{
    public WorkFolder(string parent, string name)
    {
        Path = System.IO.Path.Combine(parent, $"scanpoint-bench-{name}-{Guid.NewGuid():N}"[..40]);
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string Sub(string name)
    {
        var path = System.IO.Path.Combine(Path, name);
        Directory.CreateDirectory(path);
        return path;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException ex)
        {
            Console.Error.WriteLine($"could not delete {Path}: {ex.Message}");
        }
    }
}
