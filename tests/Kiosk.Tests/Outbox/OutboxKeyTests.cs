using ScanPoint.Contracts.Devices;
using ScanPoint.Kiosk.Outbox;
using ScanPoint.Kiosk.Provisioning;
using ScanPoint.TestKit;

namespace ScanPoint.Kiosk.Tests.Outbox;

/// <summary>The outbox key file: made once, 32 bytes, mode 0600, kept across provisioning and starts.</summary>
public sealed class OutboxKeyTests : IDisposable
{
    private readonly TempDirectory _dir = new("outbox-key");

    [Fact]
    public void LoadOrCreate_NoKey_CreatesOwnerOnlyKeyAndKeepsIt()
    {
        var first = OutboxKey.LoadOrCreate(_dir.Path);
        var second = OutboxKey.LoadOrCreate(_dir.Path);

        Assert.Equal(OutboxKey.Length, first.Length);
        Assert.Equal(first, second);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(_dir.File(OutboxKey.FileName)));
        Assert.Empty(Directory.GetFiles(_dir.Path, "*.tmp"));
    }

    [Fact]
    public void LoadOrCreate_KeyFileOfWrongLength_ClearError()
    {
        File.WriteAllBytes(_dir.File(OutboxKey.FileName), new byte[5]);

        var error = Assert.Throws<InvalidDataException>(() => OutboxKey.LoadOrCreate(_dir.Path));
        Assert.Contains("outbox key", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Save_Provisioning_CreatesTheKeyWithMode0600AndKeepsAnExistingOne()
    {
        var identity = KioskIdentity.From(DeviceCredential.Create("kiosk-1", "PR1", "site-1"), new Uri("mqtt://127.0.0.1:1883"));
        identity.Save(_dir.Path);
        var key = File.ReadAllBytes(_dir.File(OutboxKey.FileName));

        identity.Save(_dir.Path); // provisioned again

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(_dir.File(OutboxKey.FileName)));
        Assert.Equal(key, File.ReadAllBytes(_dir.File(OutboxKey.FileName)));
    }

    public void Dispose() => _dir.Dispose();
}
