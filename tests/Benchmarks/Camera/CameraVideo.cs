namespace ScanPoint.Benchmarks.Camera;

/// <summary>A recorded scene: its file and the code in each frame (null: none).</summary>
internal sealed record CameraVideo(string Name, string Path, IReadOnlyList<string?> Codes)
{
    /// <summary>The distinct codes in the video: what a source with a 3 s debounce should emit, each once.</summary>
    public IReadOnlySet<string> Expected => Codes.OfType<string>().ToHashSet(StringComparer.Ordinal);
}
