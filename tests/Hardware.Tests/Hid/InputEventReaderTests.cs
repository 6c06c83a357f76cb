using ScanPoint.Hardware.Hid;

namespace ScanPoint.Hardware.Tests.Hid;

public sealed class InputEventReaderTests
{
    [Fact]
    public void ReadAll_EventLayout_MatchesTheKernelStruct()
    {
        var bytes = new byte[InputEvent.Size];
        new InputEvent(0x0102030405060708, 999_999, 1, 30, 2).Write(bytes);

        Assert.Equal([8, 7, 6, 5, 4, 3, 2, 1], bytes[..8]);
        Assert.Equal([0x3f, 0x42, 0x0f, 0, 0, 0, 0, 0], bytes[8..16]);
        Assert.Equal([1, 0, 30, 0, 2, 0, 0, 0], bytes[16..]);
        Assert.Equal(new InputEvent(0x0102030405060708, 999_999, 1, 30, 2), InputEvent.Read(bytes));
    }

    [Fact]
    public void ReadAll_TruncatedFinalEvent_IsDroppedAndCounted()
    {
        var whole = ScannerKeystrokes.Type("HC1:AB", KeyboardLayout.Us);
        using var stream = new MemoryStream([.. whole, .. whole.AsSpan(0, 10)]);
        var reader = new InputEventReader(stream);

        var events = reader.ReadAll().ToList();

        Assert.Equal(whole.Length / InputEvent.Size, events.Count);
        Assert.Equal(10, reader.TruncatedBytes);
    }

    [Fact]
    public void ReadAll_ChunkedReads_YieldTheSameEvents()
    {
        var bytes = ScannerKeystrokes.Type("HC1:NCFOXN%TS3DH", KeyboardLayout.Fr);
        using var whole = new MemoryStream(bytes);
        using var chunked = new TrickleStream(bytes, 7);

        Assert.Equal(new InputEventReader(whole).ReadAll(), new InputEventReader(chunked).ReadAll());
    }

    [Fact]
    public void Decode_PartialEventThenNothing_DoesNotCrash()
    {
        using var stream = new MemoryStream(new byte[23]);
        var reader = new InputEventReader(stream);

        Assert.Empty(reader.ReadAll());
        Assert.Equal(23, reader.TruncatedBytes);
    }

    /// <summary>Returns at most a few bytes per read, like a slow pipe.</summary>
    private sealed class TrickleStream(byte[] bytes, int most) : MemoryStream(bytes)
    {
        public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, 1 + (int)(Position % most)));
    }
}
