using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace ScanPoint.FleetServer.Privacy;

/// <summary>
/// Seals personal fields of a check-in (name, birth date) with AES-256-GCM: a random 96-bit nonce per value and the
/// check-in's (device id, seq) as associated data, so a sealed value opens only on the row it was written for.
/// Text form: <c>v1:</c> + base64(nonce ‖ ciphertext ‖ tag). Thread-safe.
/// </summary>
public sealed class PersonalDataCipher
{
    public const string Prefix = "v1:";

    private const int NonceSize = 12;
    private const int TagSize = 16;
    private readonly byte[] _key;

    /// <param name="key">32 bytes (<see cref="PersonalDataKey"/>).</param>
    public PersonalDataCipher(byte[] key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Length != PersonalDataKey.Length)
        {
            throw new ArgumentException($"The personal data key must be {PersonalDataKey.Length} bytes.", nameof(key));
        }

        _key = (byte[])key.Clone();
    }

    /// <summary>A cipher over the key file at <paramref name="path"/>, created if missing.</summary>
    public static PersonalDataCipher FromFile(string path) => new(PersonalDataKey.LoadOrCreate(path));

    /// <summary>The sealed text of <paramref name="value"/> for the check-in (<paramref name="deviceId"/>, <paramref name="seq"/>); null stays null.</summary>
    public string? Seal(string? value, string deviceId, long seq)
    {
        if (value is null)
        {
            return null;
        }

        var plain = Encoding.UTF8.GetBytes(value);
        var sealedBytes = new byte[NonceSize + plain.Length + TagSize];
        var nonce = sealedBytes.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_key, TagSize);
        aes.Encrypt(nonce, plain, sealedBytes.AsSpan(NonceSize, plain.Length), sealedBytes.AsSpan(NonceSize + plain.Length), Associated(deviceId, seq));
        return Prefix + Convert.ToBase64String(sealedBytes);
    }

    /// <summary>
    /// The clear text of a value sealed for (<paramref name="deviceId"/>, <paramref name="seq"/>); null stays null. A
    /// value without the <c>v1:</c> prefix was stored before sealing existed and is returned as it is.
    /// </summary>
    /// <exception cref="CryptographicException">The value was sealed for another row, altered, or under another key.</exception>
    public string? Open(string? stored, string deviceId, long seq)
    {
        if (stored is null || !stored.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return stored;
        }

        byte[] sealedBytes;
        try
        {
            sealedBytes = Convert.FromBase64String(stored[Prefix.Length..]);
        }
        catch (FormatException ex)
        {
            throw new CryptographicException("A sealed personal value is not base64.", ex);
        }

        if (sealedBytes.Length < NonceSize + TagSize)
        {
            throw new CryptographicException("A sealed personal value is too short.");
        }

        var length = sealedBytes.Length - NonceSize - TagSize;
        var plain = new byte[length];
        using var aes = new AesGcm(_key, TagSize);
        aes.Decrypt(sealedBytes.AsSpan(0, NonceSize), sealedBytes.AsSpan(NonceSize, length), sealedBytes.AsSpan(NonceSize + length), plain, Associated(deviceId, seq));
        return Encoding.UTF8.GetString(plain);
    }

    /// <summary>Length-prefixed device id then the seq, so no two rows share associated data.</summary>
    private static byte[] Associated(string deviceId, long seq)
    {
        var id = Encoding.UTF8.GetBytes(deviceId);
        var data = new byte[4 + id.Length + 8];
        BinaryPrimitives.WriteInt32BigEndian(data, id.Length);
        id.CopyTo(data, 4);
        BinaryPrimitives.WriteInt64BigEndian(data.AsSpan(4 + id.Length), seq);
        return data;
    }
}
