using System.Collections.Concurrent;

namespace ScanPoint.Hardware.Tests.Hid;

/// <summary>A device stand-in whose reads block until the test adds bytes, like an evdev node waiting for keys.</summary>
internal sealed class HeldStream : Stream
{
    private readonly BlockingCollection<byte[]> _chunks = [];
    private readonly CancellationTokenSource _interrupted = new();
    private byte[] _current = [];
    private int _offset;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public void Add(byte[] chunk) => _chunks.Add(chunk);

    public void Interrupt() => _interrupted.Cancel();

    public override int Read(byte[] buffer, int offset, int count)
    {
        if (_offset == _current.Length)
        {
            _current = _chunks.Take(_interrupted.Token);
            _offset = 0;
        }

        var n = Math.Min(count, _current.Length - _offset);
        _current.AsSpan(_offset, n).CopyTo(buffer.AsSpan(offset));
        _offset += n;
        return n;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _chunks.Dispose();
            _interrupted.Dispose();
        }

        base.Dispose(disposing);
    }
}
