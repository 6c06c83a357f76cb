using System.Globalization;

namespace ScanPoint.FleetServer.Trust;

/// <summary>
/// <see cref="TrustOptions.Dir"/>: <c>current.cose</c> is the bundle the fleet distributes, replaced atomically on
/// import; every imported version is also kept as <c>trust-bundle-v{N}.cose</c>.
/// </summary>
internal sealed class TrustFolder(string directory)
{
    public const string CurrentFileName = "current.cose";

    public string CurrentPath { get; } = Path.Combine(directory, CurrentFileName);

    /// <summary>The current file's bytes, or null when nothing was imported yet.</summary>
    public byte[]? ReadCurrent() => File.Exists(CurrentPath) ? File.ReadAllBytes(CurrentPath) : null;

    /// <summary>The current file's write time and length, to notice a new import without reading it.</summary>
    public (DateTime WrittenAt, long Length) Stamp()
    {
        var file = new FileInfo(CurrentPath);
        return file.Exists ? (file.LastWriteTimeUtc, file.Length) : default;
    }

    /// <summary>Keeps <paramref name="bundle"/> as version <paramref name="version"/> and makes it current atomically.</summary>
    public void Store(byte[] bundle, long version)
    {
        Directory.CreateDirectory(directory);
        WriteDurably(Path.Combine(directory, $"trust-bundle-v{version.ToString(CultureInfo.InvariantCulture)}.cose"), bundle);
        var temp = CurrentPath + ".tmp";
        WriteDurably(temp, bundle);
        File.Move(temp, CurrentPath, overwrite: true);
    }

    private static void WriteDurably(string path, byte[] bytes)
    {
        using var file = new FileStream(path, FileMode.Create, FileAccess.Write);
        file.Write(bytes);
        file.Flush(flushToDisk: true);
    }
}
