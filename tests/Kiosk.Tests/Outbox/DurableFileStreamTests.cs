using ScanPoint.Kiosk.Outbox;
using ScanPoint.TestKit;

namespace ScanPoint.Kiosk.Tests.Outbox;

public sealed class DurableFileStreamTests : IDisposable
{
    private readonly TempDirectory _dir = new("durable");

    [Fact]
    public void Flush_OnlyWhenSomethingWasWritten_Syncs()
    {
        using var stream = new DurableFileStream(_dir.File("f"));

        stream.Flush();
        stream.Write([1, 2, 3]);
        stream.Flush();
        stream.Flush();

        Assert.Equal((1L, 3L), (stream.Stats.Syncs, stream.Stats.Bytes));
    }

    [Fact]
    public void Open_SecondOpenOfTheSameFile_RefusedWhileTheFirstIsOpen()
    {
        using var first = new DurableFileStream(_dir.File("outbox.db"));

        Assert.ThrowsAny<IOException>(() => new DurableFileStream(_dir.File("outbox.db")));
    }

    [Fact]
    public void ReadWrite_Positional_RoundTrips()
    {
        using var stream = new DurableFileStream(_dir.File("f"));
        stream.Position = 8192;
        stream.Write([9, 8, 7]);
        stream.Position = 8192;
        var buffer = new byte[3];

        Assert.Equal(3, stream.Read(buffer));
        Assert.Equal([9, 8, 7], buffer);
        Assert.Equal(8195, stream.Length);
    }

    public void Dispose() => _dir.Dispose();
}
