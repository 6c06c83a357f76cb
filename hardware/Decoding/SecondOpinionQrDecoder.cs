namespace ScanPoint.Hardware.Decoding;

/// <summary>
/// The decoder for still images (files, the <c>decode</c> command, a frame the camera holds on): the primary decoder
/// first; only when it finds nothing, a second opinion under a time budget. The second opinion runs on its own thread
/// and at most one runs at a time: when the budget passes, the caller gets the primary's (empty) answer at once and a
/// still-running second opinion is left to finish in the background, its answer dropped, while later calls skip it.
/// </summary>
public sealed class SecondOpinionQrDecoder(IQrDecoder primary, Func<IQrDecoder>? secondOpinion, TimeSpan budget) : IQrDecoder, IDisposable
{
    private readonly Lazy<IQrDecoder?> _second = new(() => secondOpinion?.Invoke());
    private Task? _running;

    public string Name => primary.Name;

    /// <summary>Second opinions that ran past the budget (their answers were dropped).</summary>
    public int TimedOut { get; private set; }

    /// <summary>Calls that found nothing with the primary and skipped the second opinion because one was still running.</summary>
    public int Skipped { get; private set; }

    /// <summary>Builds the usual chain: zxing-cpp for still images, then WeChatQRCode where OpenCV is present.</summary>
    public static SecondOpinionQrDecoder CreateDefault(TimeSpan budget) =>
        new(new ZxingQrDecoder(ZxingOptions.StillImages), WeChatQrDecoder.IsAvailable() ? () => new WeChatQrDecoder() : null, budget);

    public IReadOnlyList<DecodedCode> Decode(GreyImage image)
    {
        ArgumentNullException.ThrowIfNull(image);
        var codes = primary.Decode(image);
        if (codes.Count > 0 || secondOpinion is null)
        {
            return codes;
        }

        if (_running is { IsCompleted: false })
        {
            Skipped++;
            return codes;
        }

        var copy = new GreyImage(image.Width, image.Height, image.Stride, (byte[])image.Pixels.Clone());
        var second = Task.Factory.StartNew(() => _second.Value?.Decode(copy) ?? [], CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        _running = second;
        if (second.Wait(budget))
        {
            return second.Result;
        }

        TimedOut++;
        return codes;
    }

    public void Dispose()
    {
        _running?.Wait();
        if (_second.IsValueCreated && _second.Value is IDisposable disposable)
        {
            disposable.Dispose();
        }
    }
}
