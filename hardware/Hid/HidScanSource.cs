using System.Runtime.CompilerServices;
using System.Threading.Channels;
using ScanPoint.Hardware.Scanning;

namespace ScanPoint.Hardware.Hid;

/// <summary>
/// A USB HID keyboard-wedge imager read through evdev. Waits for the device to appear (polling every
/// <see cref="HidScanOptions.DevicePollInterval"/>), grabs it, and yields one scan per terminator (or inter-key
/// timeout). A device that is unplugged or ends throws <see cref="IOException"/>: the caller restarts the source,
/// which waits for the device again (by USB id, whatever its new node).
/// </summary>
public sealed class HidScanSource : IScanSource, IScanSourceMetrics
{
    private readonly HidScanOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly UsbEventDeviceLocator _locator;
    private readonly ImagerCounters _counters = new();

    public HidScanSource(HidScanOptions options, TimeProvider timeProvider)
        : this(options, timeProvider, new UsbEventDeviceLocator())
    {
    }

    internal HidScanSource(HidScanOptions options, TimeProvider timeProvider, UsbEventDeviceLocator locator)
    {
        options.Validate();
        _options = options;
        _timeProvider = timeProvider;
        _locator = locator;
    }

    public string Name => _options.Name;

    /// <summary>Scans yielded since the source was made.</summary>
    public long Scans => _counters.Scans;

    /// <summary>Scans longer than <see cref="HidScanOptions.MaxScanLength"/>, dropped.</summary>
    public long DroppedOverLong => _counters.DroppedOverLong;

    /// <summary>Failed opens and reads (unplugged device, end of file, not an evdev node).</summary>
    public long ReadErrors => _counters.ReadErrors;

    public IReadOnlyDictionary<string, double> ReadMetrics() => _counters.ToMetrics();

    public async IAsyncEnumerable<ScanEvent> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var device = await OpenWhenPresentAsync(cancellationToken);
        await foreach (var scan in DecodeAsync(device, device.Interrupt, cancellationToken))
        {
            yield return scan;
        }
    }

    /// <summary>Decodes key events read from <paramref name="stream"/> on a dedicated thread; <paramref name="interrupt"/> unblocks its read.</summary>
    internal async IAsyncEnumerable<ScanEvent> DecodeAsync(Stream stream, Action interrupt, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var decoder = new KeystrokeDecoder(_options.Layout, _options.Terminators, _options.MaxScanLength);
        var channel = Channel.CreateBounded<InputEvent>(new BoundedChannelOptions(1024) { SingleReader = true, SingleWriter = true });
        using var stop = new CancellationTokenSource();
        var pump = Task.Factory.StartNew(() => Pump(stream, channel.Writer, stop.Token), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        try
        {
            while (await WaitAsync(channel.Reader, decoder.HasPending, cancellationToken) is var wake && wake != Wake.Ended)
            {
                var dropped = decoder.DroppedOverLong;
                var text = wake == Wake.TimedOut ? decoder.Flush() : null;
                while (text is null && wake == Wake.Events && channel.Reader.TryRead(out var inputEvent))
                {
                    text = decoder.Accept(inputEvent);
                }

                _counters.CountDroppedOverLong(decoder.DroppedOverLong - dropped);
                if (text is not null)
                {
                    yield return Scanned(text);
                }
            }
        }
        finally
        {
            await stop.CancelAsync();
            interrupt();
            await pump;
        }
    }

    private enum Wake
    {
        Events,
        TimedOut,
        Ended,
    }

    private async Task<EvdevStream> OpenWhenPresentAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var path = _options.DevicePath ?? _locator.Find(_options.UsbVendorId!.Value, _options.UsbProductId!.Value);
            if (path is not null && File.Exists(path))
            {
                try
                {
                    return EvdevStream.Open(path, _options.Grab);
                }
                catch (FileNotFoundException)
                {
                    // unplugged between the look and the open: wait for it again
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    _counters.CountReadError();
                    throw;
                }
            }

            await Task.Delay(_options.DevicePollInterval, _timeProvider, cancellationToken);
        }
    }

    /// <summary>Waits for events, or for the inter-key timeout while a scan is in progress; rethrows the pump's failure.</summary>
    private async Task<Wake> WaitAsync(ChannelReader<InputEvent> reader, bool hasPending, CancellationToken cancellationToken)
    {
        using var timer = hasPending && _options.InterKeyTimeout is { } timeout
            ? new CancellationTokenSource(timeout, _timeProvider)
            : new CancellationTokenSource();
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timer.Token);
        bool more;
        try
        {
            more = await reader.WaitToReadAsync(linked.Token);
        }
        catch (OperationCanceledException) when (timer.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return Wake.TimedOut;
        }
        catch (ChannelClosedException)
        {
            more = false;
        }

        if (!more)
        {
            await reader.Completion;
        }

        return more ? Wake.Events : Wake.Ended;
    }

    /// <summary>Runs on its own thread: blocking reads from the device into the channel, then its failure or end.</summary>
    private void Pump(Stream stream, ChannelWriter<InputEvent> writer, CancellationToken stop)
    {
        try
        {
            var reader = new InputEventReader(stream);
            while (reader.TryRead(out var inputEvent))
            {
                while (!writer.TryWrite(inputEvent))
                {
                    writer.WaitToWriteAsync(stop).AsTask().GetAwaiter().GetResult();
                }
            }

            throw new IOException($"{Name}: the device ended (end of file; {reader.TruncatedBytes} bytes of a partial event)");
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            writer.TryComplete();
        }
        catch (Exception e)
        {
            _counters.CountReadError();
            writer.TryComplete(e);
        }
    }

    private ScanEvent Scanned(string text)
    {
        _counters.CountScan();
        return new ScanEvent(Name, text, _timeProvider.GetUtcNow());
    }
}
