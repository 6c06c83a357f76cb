using System.Text;
using ScanPoint.Kiosk.Scanning;
using ScanPoint.TestKit;

namespace ScanPoint.Kiosk.Tests.Scanning;

public sealed class LinesScanSourceTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);
    private readonly TempDirectory _dir = new("lines");
    private readonly CancellationTokenSource _cts = new(TimeSpan.FromSeconds(30));

    [Fact]
    public async Task ReadAsync_ExistingAndAppendedLines_YieldsEachCompleteLineWithItsEndOffset()
    {
        var path = _dir.File("scans.txt");
        await File.WriteAllTextAsync(path, "HC1:A\r\n\nshc:/123\nDCL1:partial");
        var source = new LinesScanSource(path, _ => 0, TimeProvider.System, 100);
        await using var scans = source.ReadAsync(_cts.Token).GetAsyncEnumerator(_cts.Token);

        Assert.True(await scans.MoveNextAsync());
        Assert.Equal(("HC1:A", 7L), (scans.Current.Text, scans.Current.Cursor!.Position));
        Assert.True(await scans.MoveNextAsync());
        Assert.Equal(("shc:/123", 17L), (scans.Current.Text, scans.Current.Cursor!.Position));

        await File.AppendAllTextAsync(path, "-done\nnext\n");
        Assert.True(await scans.MoveNextAsync().AsTask().WaitAsync(Timeout));
        Assert.Equal("DCL1:partial-done", scans.Current.Text);
        Assert.True(await scans.MoveNextAsync().AsTask().WaitAsync(Timeout));
        Assert.Equal("next", scans.Current.Text);
        Assert.Equal(new FileInfo(path).Length, scans.Current.Cursor!.Position);
    }

    [Fact]
    public async Task ReadAsync_CommittedPosition_ResumesAfterIt()
    {
        var path = _dir.File("scans.txt");
        await File.WriteAllTextAsync(path, "first\nsecond\nthird\n");
        var source = new LinesScanSource(path, name => name.EndsWith("scans.txt", StringComparison.Ordinal) ? 6 : 0, TimeProvider.System, 100);

        var texts = await source.ReadAsync(_cts.Token).Take(2).Select(s => s.Text).ToListAsync(_cts.Token);

        Assert.Equal(["second", "third"], texts);
    }

    [Fact]
    public async Task ReadAsync_LineLongerThanLimit_SkippedAndCounted()
    {
        var path = _dir.File("scans.txt");
        await File.WriteAllTextAsync(path, new string('x', 500) + "\nok\n", Encoding.UTF8);
        var source = new LinesScanSource(path, _ => 0, TimeProvider.System, 100);

        var first = await source.ReadAsync(_cts.Token).FirstAsync(_cts.Token);

        Assert.Equal("ok", first.Text);
        Assert.Equal(1, source.SkippedLines);
    }

    [Fact]
    public async Task ReadAsync_FileCreatedLater_WaitsForIt()
    {
        var path = _dir.File("later.txt");
        var source = new LinesScanSource(path, _ => 0, TimeProvider.System, 100);
        var first = source.ReadAsync(_cts.Token).FirstAsync(_cts.Token).AsTask();

        await File.WriteAllTextAsync(path, "HC1:LATE\n");

        Assert.Equal("HC1:LATE", (await first.WaitAsync(Timeout)).Text);
    }

    public void Dispose()
    {
        _cts.Dispose();
        _dir.Dispose();
    }
}
