using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using LiteDB;
using ScanPoint.Contracts.CheckIns;

namespace ScanPoint.Kiosk.Outbox;

/// <summary>
/// Seals a check-in's subject for the outbox with AES-256-GCM: a random 96-bit nonce per record and the record's
/// sequence number and id as associated data, so a sealed subject cannot be moved to another record. Layout:
/// version (1) ‖ nonce (12) ‖ tag (16) ‖ ciphertext (BSON of the fields). Not thread-safe: the outbox serialises use.
/// </summary>
public sealed class OutboxCipher : IDisposable
{
    private const byte Version = 1;
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private const int HeaderSize = 1 + NonceSize + TagSize;
    private static readonly byte[] Domain = Encoding.ASCII.GetBytes("scanpoint/outbox-subject/v1");
    private readonly AesGcm _aes;

    public OutboxCipher(ReadOnlySpan<byte> key)
    {
        if (key.Length != OutboxKey.Length)
        {
            throw new ArgumentException($"the outbox key must be {OutboxKey.Length} bytes", nameof(key));
        }

        _aes = new AesGcm(key, TagSize);
    }

    /// <summary>Reads (or makes) <see cref="OutboxKey.FileName"/> in <paramref name="dataDir"/>.</summary>
    public static OutboxCipher ForDataDir(string dataDir) => new(OutboxKey.LoadOrCreate(dataDir));

    public byte[] Seal(CheckInSubject subject, long seq, string id)
    {
        var doc = new BsonDocument { ["k"] = subject.PersonKey, ["n"] = subject.Name };
        if (subject.BirthDate is { } birthDate)
        {
            doc["b"] = birthDate;
        }

        if (subject.IdNumberHash is { } idHash)
        {
            doc["i"] = idHash;
        }

        var plain = BsonSerializer.Serialize(doc);
        var output = new byte[HeaderSize + plain.Length];
        output[0] = Version;
        var nonce = output.AsSpan(1, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        _aes.Encrypt(nonce, plain, output.AsSpan(HeaderSize), output.AsSpan(1 + NonceSize, TagSize), AssociatedData(seq, id));
        CryptographicOperations.ZeroMemory(plain);
        return output;
    }

    /// <exception cref="CryptographicException">Wrong key, tampered bytes, or sealed for another record.</exception>
    public CheckInSubject Open(byte[] sealedSubject, long seq, string id)
    {
        if (sealedSubject.Length < HeaderSize || sealedSubject[0] != Version)
        {
            throw new CryptographicException("sealed subject: unknown version or truncated");
        }

        var plain = new byte[sealedSubject.Length - HeaderSize];
        _aes.Decrypt(sealedSubject.AsSpan(1, NonceSize), sealedSubject.AsSpan(HeaderSize), sealedSubject.AsSpan(1 + NonceSize, TagSize), plain, AssociatedData(seq, id));
        try
        {
            var doc = BsonSerializer.Deserialize(plain);
            return new CheckInSubject(doc["k"].AsString, doc["n"].AsString, doc["b"].IsNull ? null : doc["b"].AsString, doc["i"].IsNull ? null : doc["i"].AsString);
        }
        catch (Exception ex) when (ex is LiteException or InvalidCastException or ArgumentException)
        {
            throw new CryptographicException("sealed subject: not a subject", ex);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plain);
        }
    }

    public void Dispose() => _aes.Dispose();

    private static byte[] AssociatedData(long seq, string id)
    {
        var idBytes = Encoding.UTF8.GetBytes(id);
        var data = new byte[Domain.Length + sizeof(long) + idBytes.Length];
        Domain.CopyTo(data, 0);
        BinaryPrimitives.WriteInt64BigEndian(data.AsSpan(Domain.Length), seq);
        idBytes.CopyTo(data, Domain.Length + sizeof(long));
        return data;
    }
}
