using System.Security.Cryptography;

namespace ScanPoint.FleetServer.Privacy;

/// <summary>
/// The 32-byte AES-256 key that seals personal data at rest, kept in a file of exactly 32 random bytes with mode 0600.
/// Every process that reads or writes the same database must use the same file (for PostgreSQL: every replica).
/// </summary>
public static class PersonalDataKey
{
    public const int Length = 32;

    /// <summary>The file name used next to the SQLite database when <c>Storage:PersonalDataKeyPath</c> is not set.</summary>
    public const string DefaultFileName = "personal.key";

    /// <summary>
    /// Reads the key at <paramref name="path"/>, creating the file (and its folder) with a new random key if it is
    /// missing. Creation is atomic: a racing process either wins or reads the winner's key.
    /// </summary>
    public static byte[] LoadOrCreate(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        path = Path.GetFullPath(path);
        if (!File.Exists(path))
        {
            Create(path);
        }

        var key = File.ReadAllBytes(path);
        if (key.Length != Length)
        {
            throw new InvalidOperationException(
                $"Personal data key '{path}' must hold exactly {Length} bytes (it holds {key.Length}); restore the right file (Storage:PersonalDataKeyPath).");
        }

        return key;
    }

    private static void Create(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        try
        {
            using (var file = new FileStream(temporary, options))
            {
                file.Write(RandomNumberGenerator.GetBytes(Length));
                file.Flush(flushToDisk: true);
            }

            File.Move(temporary, path, overwrite: false);
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another process created it first: use theirs.
        }
        finally
        {
            File.Delete(temporary);
        }
    }
}
