using System.Runtime.CompilerServices;
using System.Threading.Channels;
using ScanPoint.Hardware.Decoding;
using ScanPoint.Hardware.Scanning;

namespace ScanPoint.Hardware.Camera;

/// <summary>
/// Reads QR codes from a camera or a recorded video. A capture thread reads frames as fast as the source delivers
/// them and keeps only the newest (<see cref="LatestFrame"/>); one decode worker takes the newest frame, skips it when
/// the scene has not changed (<see cref="SceneChangeGate"/>), decodes it and debounces repeated codes
/// (<see cref="CodeDebouncer"/>). <see cref="Stats"/> reports rates, skips, drops and decode latency.
/// </summary>
public sealed class CameraScanSource : IScanSource, IScanSourceMetrics
{
    /// <summary>This many decoder exceptions in a row end the read (the decoder is broken, not the frame).</summary>
    public const int MaxConsecutiveDecodeFailures = 10;

    private readonly Func<IFrameSource> _open;
    private readonly IQrDecoder _decoder;
    private readonly TimeProvider _timeProvider;
    private readonly CameraCounters _counters;

    /// <summary>Reads the device or file of <paramref name="options"/> through <see cref="FrameSources.Open"/>.</summary>
    public CameraScanSource(CameraScanOptions options, IQrDecoder decoder, TimeProvider timeProvider)
        : this(options, () => FrameSources.Open(options), decoder, timeProvider)
    {
    }

    /// <summary>Reads frames from whatever <paramref name="open"/> returns, once per <see cref="ReadAsync"/>.</summary>
    public CameraScanSource(CameraScanOptions options, Func<IFrameSource> open, IQrDecoder decoder, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(open);
        ArgumentNullException.ThrowIfNull(decoder);
        ArgumentNullException.ThrowIfNull(timeProvider);
        (Options, _open, _decoder, _timeProvider) = (options, open, decoder, timeProvider);
        _counters = new CameraCounters(timeProvider);
    }

    public CameraScanOptions Options { get; }

    public string Name => Options.Name;

    /// <summary>A snapshot of the counters; safe to read from any thread while the source runs.</summary>
    public CameraStats Stats => _counters.Snapshot();

    public IReadOnlyDictionary<string, double> ReadMetrics()
    {
        var stats = Stats;
        return new Dictionary<string, double>
        {
            ["fps"] = stats.FramesPerSecond,
            ["frames_captured"] = stats.FramesCaptured,
            ["frames_decoded"] = stats.FramesDecoded,
            ["frames_skipped_by_gate"] = stats.FramesSkippedByGate,
            ["frames_dropped"] = stats.FramesDropped,
            ["scans"] = stats.ScansEmitted,
            ["decode_failures"] = stats.DecodeFailures,
            ["decode_ms_last"] = stats.DecodeLatencyLast.TotalMilliseconds,
            ["decode_ms_mean"] = stats.DecodeLatencyMean.TotalMilliseconds,
            ["decode_ms_p99"] = stats.DecodeLatencyP99.TotalMilliseconds,
        };
    }

    public async IAsyncEnumerable<ScanEvent> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var source = _open();
        _counters.Opened(source.Width, source.Height);
        var frames = new LatestFrame(source.Width, source.Height);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var events = Channel.CreateBounded<ScanEvent>(new BoundedChannelOptions(16) { SingleReader = true, SingleWriter = true });
        var capture = StartCapture(source, frames, stop.Token);
        var decode = Task.Run(() => DecodeAsync(frames, events.Writer, stop.Token), CancellationToken.None);
        try
        {
            await foreach (var scan in events.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                yield return scan;
            }
        }
        finally
        {
            await stop.CancelAsync().ConfigureAwait(false);
            frames.Complete(null);
            await Task.WhenAll(capture, decode).ConfigureAwait(false);
        }
    }

    private Task StartCapture(IFrameSource source, LatestFrame frames, CancellationToken cancellationToken)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            try
            {
                Capture(source, frames, cancellationToken);
            }
            finally
            {
                done.SetResult();
            }
        })
        {
            IsBackground = true,
            Name = "camera-capture",
        };
        thread.Start();
        return done.Task;
    }

    private void Capture(IFrameSource source, LatestFrame frames, CancellationToken cancellationToken)
    {
        var pace = Options.ReplayFps > 0 ? TimeSpan.FromSeconds(1 / Options.ReplayFps) : TimeSpan.Zero;
        var started = _timeProvider.GetTimestamp();
        try
        {
            for (long sequence = 1; !cancellationToken.IsCancellationRequested; sequence++)
            {
                if (!source.ReadInto(frames.WriteBuffer))
                {
                    break;
                }

                var capturedAt = _timeProvider.GetUtcNow();
                _counters.Captured(capturedAt, frames.Publish(sequence, capturedAt));
                var wait = (pace * sequence) - _timeProvider.GetElapsedTime(started);
                if (wait > TimeSpan.Zero)
                {
                    Task.Delay(wait, _timeProvider, cancellationToken).GetAwaiter().GetResult();
                }
            }

            frames.Complete(null);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            frames.Complete(null);
        }
        catch (Exception exception)
        {
            _counters.Faulted(exception);
            frames.Complete(exception);
        }
    }

    private async Task DecodeAsync(LatestFrame frames, ChannelWriter<ScanEvent> events, CancellationToken cancellationToken)
    {
        var gate = new SceneChangeGate(Options.ChangeThreshold, Options.Redecode, _timeProvider);
        var debouncer = new CodeDebouncer(Options.Debounce, _timeProvider);
        var failuresInARow = 0;
        Exception? failure = null;
        try
        {
            while (await frames.TakeAsync(cancellationToken).ConfigureAwait(false) is { } frame)
            {
                if (!gate.ShouldDecode(frame.Image))
                {
                    _counters.Skipped();
                    continue;
                }

                var started = _timeProvider.GetTimestamp();
                IReadOnlyList<DecodedCode> codes;
                try
                {
                    codes = _decoder.Decode(frame.Image);
                    failuresInARow = 0;
                }
                catch (Exception exception)
                {
                    _counters.DecodeFailed(exception);
                    if (++failuresInARow < MaxConsecutiveDecodeFailures)
                    {
                        continue;
                    }

                    failure = exception; // the decoder is broken, not the frame
                    break;
                }

                _counters.Decoded(_timeProvider.GetElapsedTime(started), codes.Count);
                foreach (var code in codes)
                {
                    if (debouncer.ShouldEmit(code.Text))
                    {
                        await events.WriteAsync(new ScanEvent(Name, code.Text, frame.CapturedAt), cancellationToken).ConfigureAwait(false);
                        _counters.Emitted();
                    }
                }
            }

            failure ??= frames.Error;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // the reader stopped; it sees its own cancellation
        }
        catch (Exception exception)
        {
            _counters.Faulted(exception);
            failure = exception;
        }

        events.TryComplete(failure);
    }
}
