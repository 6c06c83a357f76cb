using ScanPoint.Hardware.Decoding;

namespace ScanPoint.Hardware.Camera;

/// <summary>
/// Decides whether a frame is worth decoding: it is when its 1/8 thumbnail (means of 8x8 blocks) differs from the last
/// decoded frame's by at least <see cref="Threshold"/> on average, or when <see cref="Redecode"/> has passed since the
/// last decode (so a code held still is eventually read). The first frame is always decoded. One thread only.
/// </summary>
public sealed class SceneChangeGate
{
    private const int Block = 8;
    private readonly TimeProvider _timeProvider;
    private byte[] _reference = [];
    private byte[] _candidate = [];
    private long _decodedAt;

    public SceneChangeGate(double threshold, TimeSpan redecode, TimeProvider timeProvider)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(threshold);
        ArgumentOutOfRangeException.ThrowIfLessThan(redecode, TimeSpan.Zero);
        ArgumentNullException.ThrowIfNull(timeProvider);
        (Threshold, Redecode, _timeProvider) = (threshold, redecode, timeProvider);
    }

    public double Threshold { get; }

    public TimeSpan Redecode { get; }

    /// <summary>The last frame's mean absolute thumbnail difference from the last decoded frame (0–255).</summary>
    public double LastDifference { get; private set; }

    /// <summary>True when <paramref name="frame"/> should be decoded; it then becomes the reference for later frames.</summary>
    public bool ShouldDecode(GreyImage frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        var length = (frame.Width / Block) * (frame.Height / Block);
        if (_candidate.Length != length)
        {
            _candidate = new byte[length];
        }

        Thumbnail(frame, _candidate);
        var now = _timeProvider.GetTimestamp();
        var first = _reference.Length != length;
        LastDifference = first ? 255 : MeanAbsoluteDifference(_reference, _candidate);
        var due = !first && _timeProvider.GetElapsedTime(_decodedAt, now) >= Redecode;
        if (!first && !due && LastDifference < Threshold)
        {
            return false;
        }

        (_reference, _candidate) = (_candidate, first ? new byte[length] : _reference);
        _decodedAt = now;
        return true;
    }

    /// <summary>Writes the mean of every whole 8x8 block of <paramref name="frame"/> into <paramref name="thumbnail"/>.</summary>
    internal static void Thumbnail(GreyImage frame, Span<byte> thumbnail)
    {
        var columns = frame.Width / Block;
        var rows = frame.Height / Block;
        Span<int> sums = stackalloc int[Math.Min(columns, 1024)];
        if (columns > sums.Length)
        {
            sums = new int[columns];
        }

        for (var row = 0; row < rows; row++)
        {
            sums.Clear();
            for (var y = row * Block; y < (row + 1) * Block; y++)
            {
                var line = frame.Pixels.AsSpan(y * frame.Stride, columns * Block);
                for (var column = 0; column < columns; column++)
                {
                    var block = line.Slice(column * Block, Block);
                    sums[column] += block[0] + block[1] + block[2] + block[3] + block[4] + block[5] + block[6] + block[7];
                }
            }

            for (var column = 0; column < columns; column++)
            {
                thumbnail[(row * columns) + column] = (byte)((sums[column] + 32) >> 6);
            }
        }
    }

    private static double MeanAbsoluteDifference(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b)
    {
        long total = 0;
        for (var i = 0; i < a.Length; i++)
        {
            total += Math.Abs(a[i] - b[i]);
        }

        return a.Length == 0 ? 0 : (double)total / a.Length;
    }
}
