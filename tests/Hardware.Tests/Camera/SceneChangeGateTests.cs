using Microsoft.Extensions.Time.Testing;
using ScanPoint.Hardware.Camera;
using ScanPoint.Hardware.Decoding;

namespace ScanPoint.Hardware.Tests.Camera;

public sealed class SceneChangeGateTests
{
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public void ShouldDecode_FirstFrame_True()
    {
        var gate = new SceneChangeGate(3, TimeSpan.FromMilliseconds(250), _time);

        Assert.True(gate.ShouldDecode(Scene(seed: 1)));
    }

    [Fact]
    public void ShouldDecode_UnchangedScene_FalseUntilRedecodeIsDue()
    {
        var gate = new SceneChangeGate(3, TimeSpan.FromMilliseconds(250), _time);
        gate.ShouldDecode(Scene(seed: 1));

        _time.Advance(TimeSpan.FromMilliseconds(100));
        Assert.False(gate.ShouldDecode(Scene(seed: 1)));
        _time.Advance(TimeSpan.FromMilliseconds(149));
        Assert.False(gate.ShouldDecode(Scene(seed: 1)));
        _time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.True(gate.ShouldDecode(Scene(seed: 1)));
        Assert.False(gate.ShouldDecode(Scene(seed: 1)));
    }

    [Fact]
    public void ShouldDecode_SensorNoiseOnly_False()
    {
        var gate = new SceneChangeGate(3, TimeSpan.FromSeconds(1), _time);
        gate.ShouldDecode(Scene(seed: 1));

        for (var i = 0; i < 10; i++)
        {
            Assert.False(gate.ShouldDecode(Scene(seed: 1, noise: 12, noiseSeed: i)));
        }

        Assert.True(gate.LastDifference < 3, $"difference {gate.LastDifference}");
    }

    [Fact]
    public void ShouldDecode_ObjectEntersScene_True()
    {
        var gate = new SceneChangeGate(3, TimeSpan.FromSeconds(1), _time);
        gate.ShouldDecode(Scene(seed: 1));

        Assert.True(gate.ShouldDecode(Scene(seed: 1, square: 300)));
        Assert.True(gate.LastDifference >= 3);
        Assert.False(gate.ShouldDecode(Scene(seed: 1, square: 300)));
    }

    [Fact]
    public void ShouldDecode_SlowDrift_ComparedWithLastDecodedFrame()
    {
        var gate = new SceneChangeGate(3, TimeSpan.FromSeconds(10), _time);
        gate.ShouldDecode(Scene(seed: 1));

        Assert.False(gate.ShouldDecode(Scene(seed: 1, offset: 1)));
        Assert.False(gate.ShouldDecode(Scene(seed: 1, offset: 2)));
        Assert.True(gate.ShouldDecode(Scene(seed: 1, offset: 3)));
        Assert.False(gate.ShouldDecode(Scene(seed: 1, offset: 5)));
    }

    [Fact]
    public void Thumbnail_MeansOfEightByEightBlocks()
    {
        var image = new GreyImage(17, 9, 20, new byte[20 * 9]);
        for (var y = 0; y < 8; y++)
        {
            image.Pixels.AsSpan(y * 20, 8).Fill(100);
            image.Pixels.AsSpan((y * 20) + 8, 8).Fill((byte)(y < 4 ? 0 : 200));
        }

        var thumbnail = new byte[2];
        SceneChangeGate.Thumbnail(image, thumbnail);

        Assert.Equal(new byte[] { 100, 100 }, thumbnail);
    }

    private static GreyImage Scene(int seed, int noise = 0, int noiseSeed = 0, int square = 0, int offset = 0)
    {
        var image = new GreyImage(320, 240);
        new Random(seed).NextBytes(image.Pixels);
        var random = new Random(noiseSeed);
        for (var i = 0; i < image.Pixels.Length; i++)
        {
            var value = (image.Pixels[i] / 2) + 64 + offset + (noise == 0 ? 0 : random.Next(-noise, noise + 1));
            image.Pixels[i] = (byte)Math.Clamp(value, 0, 255);
        }

        for (var y = 0; y < Math.Min(square, image.Height); y++)
        {
            image.Pixels.AsSpan(y * image.Stride, Math.Min(square, image.Width)).Fill(250);
        }

        return image;
    }
}
