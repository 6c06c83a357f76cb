using System.Security.Cryptography;

namespace ScanPoint.Kiosk.Outbox;

/// <summary>
/// The AES-256 key that encrypts the outbox's personal fields: <see cref="FileName"/> in the data directory, 32 random
/// bytes, mode 0600. Made at provisioning or at the first start without one; never replaced once it exists (a new key
/// would make every stored subject unreadable).
/// </summary>
public static class OutboxKey
{
    public const string FileName = "outbox.key";

    public const int Length = 32;

    /// <summary>The existing key, or a new one written atomically (temp file, fsync, no-clobber rename).</summary>
    /// <exception cref="InvalidDataException">The key file exists but is not a key.</exception>
    public static byte[] LoadOrCreate(string dataDir)
    {
        var path = Path.Combine(dataDir, FileName);
        if (!File.Exists(path))
        {
            Create(path);
        }

        var key = File.ReadAllBytes(path);
        return key.Length == Length
            ? key
            : throw new InvalidDataException($"{path} holds {key.Length} bytes, not a {Length}-byte outbox key");
    }

    private static void Create(string path)
    {
        var temp = $"{path}.{Environment.ProcessId}.tmp";
        File.Delete(temp);
        using (var file = new FileStream(temp, new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, UnixCreateMode = AtomicFile.OwnerOnly }))
        {
            file.Write(RandomNumberGenerator.GetBytes(Length));
            file.Flush(flushToDisk: true);
        }

        try
        {
            File.Move(temp, path, overwrite: false); // another process made one first: keep theirs
        }
        catch (IOException) when (File.Exists(path))
        {
            File.Delete(temp);
        }
    }
}
