namespace ScanPoint.Hardware.Decoding;

/// <summary>
/// An 8-bit luminance image: row <c>y</c> starts at <c>y * Stride</c> in <see cref="Pixels"/>. The camera fills it
/// in place frame after frame, so a decoder must not keep a reference to it after <c>Decode</c> returns.
/// </summary>
public sealed class GreyImage
{
    public GreyImage(int width, int height, int stride, byte[] pixels)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        ArgumentOutOfRangeException.ThrowIfLessThan(stride, width);
        ArgumentNullException.ThrowIfNull(pixels);
        if ((long)stride * (height - 1) + width > pixels.Length)
        {
            throw new ArgumentException($"{pixels.Length} bytes cannot hold {width}x{height} with stride {stride}", nameof(pixels));
        }

        (Width, Height, Stride, Pixels) = (width, height, stride, pixels);
    }

    public GreyImage(int width, int height)
        : this(width, height, width, new byte[width * height])
    {
    }

    public int Width { get; }

    public int Height { get; }

    public int Stride { get; }

    public byte[] Pixels { get; }

    /// <summary>A copy with every pixel inverted (light codes on dark ground, as some phone themes show them).</summary>
    public GreyImage Inverted()
    {
        var copy = new byte[Width * Height];
        for (var y = 0; y < Height; y++)
        {
            var row = Pixels.AsSpan(y * Stride, Width);
            var target = copy.AsSpan(y * Width, Width);
            for (var x = 0; x < Width; x++)
            {
                target[x] = (byte)(255 - row[x]);
            }
        }

        return new GreyImage(Width, Height, Width, copy);
    }
}
