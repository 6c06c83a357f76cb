using ScanPoint.Hardware.Decoding;

namespace ScanPoint.Hardware.Tests.Camera;

/// <summary>A decoder that records which fake frame it saw and answers with <paramref name="decode"/>.</summary>
internal sealed class FakeQrDecoder(Func<long, IReadOnlyList<DecodedCode>> decode) : IQrDecoder
{
    private readonly List<long> _seen = [];

    public string Name => "fake";

    public IReadOnlyList<long> Seen
    {
        get
        {
            lock (_seen)
            {
                return [.. _seen];
            }
        }
    }

    public static DecodedCode Code(string text) => new(text, [], "fake", "M", []);

    public IReadOnlyList<DecodedCode> Decode(GreyImage image)
    {
        var frame = FakeFrameSource.FrameNumber(image);
        lock (_seen)
        {
            _seen.Add(frame);
        }

        return decode(frame);
    }
}
