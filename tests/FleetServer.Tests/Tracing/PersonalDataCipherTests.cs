using System.Security.Cryptography;
using ScanPoint.FleetServer.Privacy;
using ScanPoint.TestKit;

namespace ScanPoint.FleetServer.Tests.Tracing;

public sealed class PersonalDataCipherTests
{
    private readonly PersonalDataCipher _cipher = new(RandomNumberGenerator.GetBytes(32));

    [Fact]
    public void Seal_ThenOpenOnTheSameRow_GivesTheClearTextAndNeverTheSameSealTwice()
    {
        var first = _cipher.Seal("Nguyễn Văn Đức", "kiosk-1", 7);
        var second = _cipher.Seal("Nguyễn Văn Đức", "kiosk-1", 7);

        Assert.StartsWith("v1:", first, StringComparison.Ordinal);
        Assert.NotEqual(first, second);
        Assert.Equal("Nguyễn Văn Đức", _cipher.Open(first, "kiosk-1", 7));
        Assert.Null(_cipher.Seal(null, "kiosk-1", 7));
        Assert.Null(_cipher.Open(null, "kiosk-1", 7));
    }

    [Theory]
    [InlineData("kiosk-1", 8)]
    [InlineData("kiosk-2", 7)]
    [InlineData("kiosk-17", 7)]
    public void Open_AnotherRow_Throws(string deviceId, long seq)
    {
        var sealedName = _cipher.Seal("Lê Thị Hoa", "kiosk-1", 7);

        Assert.ThrowsAny<CryptographicException>(() => _cipher.Open(sealedName, deviceId, seq));
    }

    [Fact]
    public void Open_OtherKeyTamperedOrGarbage_Throws()
    {
        var sealedName = _cipher.Seal("Lê Thị Hoa", "kiosk-1", 7)!;
        var bytes = Convert.FromBase64String(sealedName[3..]);
        bytes[^1] ^= 1;

        Assert.ThrowsAny<CryptographicException>(() => new PersonalDataCipher(RandomNumberGenerator.GetBytes(32)).Open(sealedName, "kiosk-1", 7));
        Assert.ThrowsAny<CryptographicException>(() => _cipher.Open("v1:" + Convert.ToBase64String(bytes), "kiosk-1", 7));
        Assert.ThrowsAny<CryptographicException>(() => _cipher.Open("v1:not base64!", "kiosk-1", 7));
        Assert.ThrowsAny<CryptographicException>(() => _cipher.Open("v1:AAAA", "kiosk-1", 7));
    }

    [Fact]
    public void Open_ValueStoredBeforeSealing_ReturnedAsItIs() =>
        Assert.Equal("Old Clear Name", _cipher.Open("Old Clear Name", "kiosk-1", 7));

    [Fact]
    public void LoadOrCreate_MissingFile_Creates32BytesOwnerOnlyAndReadsTheSameAgain()
    {
        using var dir = new TempDirectory("key");
        var path = Path.Combine(dir.Path, "sub", "personal.key");

        var key = PersonalDataKey.LoadOrCreate(path);

        Assert.Equal(32, key.Length);
        Assert.Equal(key, PersonalDataKey.LoadOrCreate(path));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        Assert.Single(Directory.GetFiles(Path.GetDirectoryName(path)!));
    }

    [Fact]
    public void LoadOrCreate_WrongLength_ThrowsNamingTheFile()
    {
        using var dir = new TempDirectory("key");
        var path = dir.File("personal.key");
        File.WriteAllBytes(path, new byte[16]);

        var error = Assert.Throws<InvalidOperationException>(() => PersonalDataKey.LoadOrCreate(path));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }
}
