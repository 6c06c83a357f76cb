using Microsoft.Extensions.Time.Testing;
using ScanPoint.Hardware.Scanning;
using ScanPoint.Hardware.Serial;
using ScanPoint.TestKit;

namespace ScanPoint.Hardware.Tests.Serial;

public sealed class SerialScanSourceTests
{
    private const string Sync = "SYNC";
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(15);
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero));

    [Theory]
    [InlineData("cr", "\r")]
    [InlineData("crlf", "\r\n")]
    [InlineData("lf", "\n")]
    [InlineData("%03", "\u0003")]
    public async Task ReadAsync_TerminatedScans_AreYielded(string terminator, string sent)
    {
        using var pty = PseudoTerminal.Open();
        var source = new SerialScanSource(SerialScanOptions.Parse($"serial:{pty.SlavePath}?baud=115200&terminator={terminator}"), _time);
        using var cts = new CancellationTokenSource(Bound);
        await using var scans = source.ReadAsync(cts.Token).GetAsyncEnumerator(cts.Token);
        await ConnectAsync(pty, scans, sent, cts.Token);

        await pty.WriteAsync($"HC1:NCFOXN%TS3DH{sent}shc:/5676290952{sent}", cts.Token);

        Assert.Equal("HC1:NCFOXN%TS3DH", await NextAsync(scans));
        Assert.Equal("shc:/5676290952", await NextAsync(scans));
        Assert.Equal($"serial:{pty.SlavePath}", scans.Current.Source);
        Assert.Equal(_time.GetUtcNow(), scans.Current.At);
    }

    [Fact]
    public async Task ReadAsync_ScanSplitAcrossWrites_IsJoined()
    {
        using var pty = PseudoTerminal.Open();
        var source = new SerialScanSource(new SerialScanOptions { PortName = pty.SlavePath, Terminator = "\r\n" }, _time);
        using var cts = new CancellationTokenSource(Bound);
        await using var scans = source.ReadAsync(cts.Token).GetAsyncEnumerator(cts.Token);
        await ConnectAsync(pty, scans, "\r\n", cts.Token);

        var next = NextAsync(scans);
        await pty.WriteAsync("HC1:6BF", cts.Token);
        await pty.WriteAsync("OXN%TS3DH0\r", cts.Token);
        Assert.False(next.IsCompleted);
        await pty.WriteAsync("\nshc:/1\r\n", cts.Token);

        Assert.Equal("HC1:6BFOXN%TS3DH0", await next);
        Assert.Equal("shc:/1", await NextAsync(scans));
    }

    [Fact]
    public async Task ReadAsync_OverLongLine_IsDroppedAndCounted()
    {
        using var pty = PseudoTerminal.Open();
        var source = new SerialScanSource(new SerialScanOptions { PortName = pty.SlavePath, MaxScanLength = 16 }, _time);
        using var cts = new CancellationTokenSource(Bound);
        await using var scans = source.ReadAsync(cts.Token).GetAsyncEnumerator(cts.Token);
        await ConnectAsync(pty, scans, "\r", cts.Token);

        await pty.WriteAsync(new string('A', 40) + "\rHC1:SHORT\r", cts.Token);

        Assert.Equal("HC1:SHORT", await NextAsync(scans));
        Assert.Equal(1, source.DroppedOverLong);
    }

    [Fact]
    public async Task ReadAsync_NoTerminator_FlushesAfterTheInterCharTimeout()
    {
        using var pty = PseudoTerminal.Open();
        var options = SerialScanOptions.Parse($"serial:{pty.SlavePath}?terminator=none&interchar=50ms");
        var source = new SerialScanSource(options, _time);
        using var cts = new CancellationTokenSource(Bound);
        await using var scans = source.ReadAsync(cts.Token).GetAsyncEnumerator(cts.Token);

        // no terminator to sync on: keep writing until a scan arrives (writes before the open may be lost, later ones may join)
        var next = scans.MoveNextAsync().AsTask();
        await Eventually.TrueAsync(
            async () =>
            {
                await pty.WriteAsync("HC1:X", cts.Token);
                _time.Advance(TimeSpan.FromMilliseconds(50));
                return next.IsCompleted;
            },
            Bound,
            "a scan flushed by the inter-character timeout");

        Assert.True(await next);
        Assert.Matches("^(HC1:X)+$", scans.Current.Text);
    }

    [Fact]
    public async Task ReadAsync_PortVanishes_Throws()
    {
        var pty = PseudoTerminal.Open();
        var source = new SerialScanSource(new SerialScanOptions { PortName = pty.SlavePath }, _time);
        using var cts = new CancellationTokenSource(Bound);
        await using var scans = source.ReadAsync(cts.Token).GetAsyncEnumerator(cts.Token);
        await ConnectAsync(pty, scans, "\r", cts.Token);

        var next = scans.MoveNextAsync().AsTask();
        pty.Dispose();

        await Assert.ThrowsAsync<IOException>(() => next);
        Assert.Equal(1, source.ReadErrors);
    }

    [Fact]
    public async Task ReadAsync_PortAppearsLater_WaitsForIt()
    {
        using var dir = new TempDirectory("serial");
        var link = dir.File("ttyACM0");
        var source = new SerialScanSource(new SerialScanOptions { PortName = link }, _time);
        using var cts = new CancellationTokenSource(Bound);
        await using var scans = source.ReadAsync(cts.Token).GetAsyncEnumerator(cts.Token);
        var next = scans.MoveNextAsync().AsTask();
        _time.Advance(TimeSpan.FromSeconds(3));
        Assert.False(next.IsCompleted);

        using var pty = PseudoTerminal.Open();
        File.CreateSymbolicLink(link, pty.SlavePath);
        await Eventually.TrueAsync(
            async () =>
            {
                _time.Advance(TimeSpan.FromSeconds(1));
                await pty.WriteAsync("HC1:LATE\r", cts.Token);
                return next.IsCompleted;
            },
            Bound,
            "a scan from the late port");

        Assert.True(await next);
        Assert.Equal("HC1:LATE", scans.Current.Text);
    }

    [Fact]
    public async Task ReadAsync_Cancelled_Ends()
    {
        using var pty = PseudoTerminal.Open();
        var source = new SerialScanSource(new SerialScanOptions { PortName = pty.SlavePath }, _time);
        using var cts = new CancellationTokenSource();
        await using var scans = source.ReadAsync(cts.Token).GetAsyncEnumerator(cts.Token);
        await ConnectAsync(pty, scans, "\r", CancellationToken.None);
        var next = scans.MoveNextAsync().AsTask();

        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => next.WaitAsync(Bound));
    }

    /// <summary>
    /// Waits until the source has opened the port: the test cannot see the open, so it writes a sync scan until
    /// one comes back. Later sync scans still in flight are skipped by <see cref="NextAsync"/>.
    /// </summary>
    private static async Task ConnectAsync(PseudoTerminal pty, IAsyncEnumerator<ScanEvent> scans, string terminator, CancellationToken cancellationToken)
    {
        var next = scans.MoveNextAsync().AsTask();
        await Eventually.TrueAsync(
            async () =>
            {
                await pty.WriteAsync(Sync + terminator, cancellationToken);
                return next.IsCompleted;
            },
            Bound,
            "the source to open the port");
        Assert.True(await next);
        Assert.Equal(Sync, scans.Current.Text);
    }

    private static async Task<string> NextAsync(IAsyncEnumerator<ScanEvent> scans)
    {
        do
        {
            Assert.True(await scans.MoveNextAsync());
        }
        while (scans.Current.Text == Sync);

        return scans.Current.Text;
    }
}
