using System.Buffers.Binary;
using System.Diagnostics;
using ScanPoint.Credentials.Dcc.Revocation;
using Xunit.Abstractions;

namespace ScanPoint.Credentials.Tests.Revocation;

public sealed class RevocationListTests(ITestOutputHelper output)
{
    private static readonly byte[] Kid = [1, 2, 3, 4, 5, 6, 7, 8];

    [Fact]
    public void Contains_ListedHash_IsTrueOnlyForItsType()
    {
        var list = RevocationList.TryCreate([new RevocationEntry(RevocationHashType.Uci, Hash(42))])!;

        Assert.True(list.Contains(RevocationHashType.Uci, 42));
        Assert.False(list.Contains(RevocationHashType.Signature, 42));
        Assert.False(list.Contains(RevocationHashType.Uci, 43));
    }

    [Fact]
    public void Contains_EntryForOneKid_AppliesOnlyToThatKid()
    {
        var list = RevocationList.TryCreate([new RevocationEntry(RevocationHashType.Signature, Hash(7), Kid)])!;

        Assert.True(list.Contains(RevocationHashType.Signature, 7, Kid));
        Assert.False(list.Contains(RevocationHashType.Signature, 7, [9, 9, 9, 9, 9, 9, 9, 9]));
        Assert.False(list.Contains(RevocationHashType.Signature, 7));
    }

    [Fact]
    public void TryCreate_FullSha256_UsesFirst128BitsAndMergesDuplicates()
    {
        var full = new byte[32];
        BinaryPrimitives.WriteUInt128BigEndian(full, 5);
        var list = RevocationList.TryCreate(
            [new RevocationEntry(RevocationHashType.Uci, full), new RevocationEntry(RevocationHashType.Uci, Hash(5))])!;

        Assert.Equal(1, list.Count);
        Assert.True(list.Contains(RevocationHashType.Uci, 5));
    }

    [Fact]
    public void TryCreate_HashShorterThan16Bytes_IsNull()
    {
        Assert.Null(RevocationList.TryCreate([new RevocationEntry(RevocationHashType.Uci, new byte[8])]));
        Assert.Equal(0, RevocationList.Empty.Count);
    }

    [Fact]
    public void Contains_OneMillionEntries_FindsEveryProbe()
    {
        const int Size = 1_000_000;
        var random = new Random(20211101);
        var keys = new UInt128[Size];
        for (var i = 0; i < Size; i++)
        {
            keys[i] = new UInt128((ulong)random.NextInt64(), (ulong)random.NextInt64());
        }

        var stopwatch = Stopwatch.StartNew();
        var list = RevocationList.TryCreate(keys.Select(k => new RevocationEntry(RevocationHashType.CountryCodeUci, Hash(k))))!;

        var built = stopwatch.Elapsed;
        stopwatch.Restart();
        var absent = new Random(7);
        var (found, falseHits) = (0, 0);
        for (var i = 0; i < Size; i++)
        {
            found += list.Contains(RevocationHashType.CountryCodeUci, keys[i]) ? 1 : 0;
            falseHits += list.Contains(RevocationHashType.CountryCodeUci, new UInt128((ulong)absent.NextInt64(), (ulong)absent.NextInt64())) ? 1 : 0;
        }

        output.WriteLine($"{Size} entries: built in {built.TotalMilliseconds:F0} ms, {2 * Size} lookups in {stopwatch.Elapsed.TotalMilliseconds:F0} ms");
        Assert.Equal(Size, list.Count);
        Assert.Equal(Size, found);
        Assert.Equal(0, falseHits);
    }

    private static byte[] Hash(UInt128 key)
    {
        var bytes = new byte[16];
        BinaryPrimitives.WriteUInt128BigEndian(bytes, key);
        return bytes;
    }
}
