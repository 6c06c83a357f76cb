using ScanPoint.Hardware.Camera;
using ScanPoint.Hardware.Decoding;

namespace ScanPoint.Hardware.Tests.Camera;

/// <summary>
/// A frame source as fast as memory: frame n (from 1) is filled with <c>n * 37</c> and carries n in its first 8 bytes.
/// It ends after <paramref name="frames"/> frames, or throws <see cref="FailWith"/> there when set.
/// </summary>
internal sealed class FakeFrameSource(int width, int height, long frames) : IFrameSource
{
    private readonly HashSet<GreyImage> _buffers = new(ReferenceEqualityComparer.Instance);
    private long _read;

    public string Name => "fake";

    public int Width => width;

    public int Height => height;

    /// <summary>Runs on the capture thread before frame n is produced (tests block here to order events).</summary>
    public Action<long>? BeforeFrame { get; init; }

    public Exception? FailWith { get; init; }

    public long FramesRead => Interlocked.Read(ref _read);

    public bool Ended { get; private set; }

    public bool Disposed { get; private set; }

    /// <summary>How many distinct buffers the consumer handed in (the consumer's frame memory).</summary>
    public int DistinctBuffers
    {
        get
        {
            lock (_buffers)
            {
                return _buffers.Count;
            }
        }
    }

    public static long FrameNumber(GreyImage image) => BitConverter.ToInt64(image.Pixels, 0);

    public bool ReadInto(GreyImage target)
    {
        var n = FramesRead + 1;
        if (n > frames)
        {
            Ended = true;
            return FailWith is null ? false : throw FailWith;
        }

        BeforeFrame?.Invoke(n);
        lock (_buffers)
        {
            _buffers.Add(target);
        }

        Array.Fill(target.Pixels, (byte)(n * 37));
        BitConverter.TryWriteBytes(target.Pixels, n);
        Interlocked.Increment(ref _read);
        return true;
    }

    public void Dispose() => Disposed = true;
}
