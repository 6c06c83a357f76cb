namespace ScanPoint.Kiosk;

/// <summary>
/// Writes a small file so that after a crash or power cut it holds either the old or the new content: a sibling
/// temp file written and fsync'd, then renamed over the target.
/// </summary>
internal static class AtomicFile
{
    /// <summary>Keys and identity: readable by the kiosk's user only.</summary>
    public const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>Public material (certificates, versions, counters).</summary>
    public const UnixFileMode Readable = OwnerOnly | UnixFileMode.GroupRead | UnixFileMode.OtherRead;

    public static void Write(string path, ReadOnlySpan<byte> bytes, UnixFileMode mode = Readable)
    {
        var temp = path + ".tmp";
        File.Delete(temp); // a leftover from a crash would keep its old mode
        using (var file = new FileStream(temp, new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, UnixCreateMode = mode }))
        {
            file.Write(bytes);
            file.Flush(flushToDisk: true);
        }

        File.Move(temp, path, overwrite: true);
    }
}
