using System.IO.Ports;
using System.Runtime.CompilerServices;
using ScanPoint.Hardware.Scanning;

namespace ScanPoint.Hardware.Serial;

/// <summary>
/// A serial or USB CDC-ACM imager read through <see cref="SerialPort"/>'s stream. Waits for the port to appear
/// (polling every <see cref="SerialScanOptions.DevicePollInterval"/>) and yields one scan per terminator (or
/// inter-character timeout). A port that vanishes or ends throws <see cref="IOException"/>; the caller restarts the source.
/// </summary>
public sealed class SerialScanSource : IScanSource, IScanSourceMetrics
{
    private readonly SerialScanOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ImagerCounters _counters = new();

    public SerialScanSource(SerialScanOptions options, TimeProvider timeProvider)
    {
        options.Validate();
        _options = options;
        _timeProvider = timeProvider;
    }

    public string Name => _options.Name;

    /// <summary>Scans yielded since the source was made.</summary>
    public long Scans => _counters.Scans;

    /// <summary>Scans longer than <see cref="SerialScanOptions.MaxScanLength"/>, dropped.</summary>
    public long DroppedOverLong => _counters.DroppedOverLong;

    /// <summary>Failed opens and reads (vanished port, end of stream).</summary>
    public long ReadErrors => _counters.ReadErrors;

    public IReadOnlyDictionary<string, double> ReadMetrics() => _counters.ToMetrics();

    public async IAsyncEnumerable<ScanEvent> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var port = await OpenWhenPresentAsync(cancellationToken);
        var framer = new LineFramer(_options.TerminatorBytes, _options.MaxScanLength);
        var buffer = new byte[4096];
        var scans = new List<string>();
        Task<int>? pending = null;
        try
        {
            while (true)
            {
                // one read stays outstanding across inter-character timeouts, so no bytes are lost to a cancelled read
                pending ??= port.BaseStream.ReadAsync(buffer, cancellationToken).AsTask();
                var dropped = framer.DroppedOverLong;
                if (await ReadOrTimeOutAsync(pending, framer.HasPending, cancellationToken) is { } read)
                {
                    pending = null;
                    framer.Feed(buffer.AsSpan(0, read), scans);
                }
                else if (framer.Flush() is { } flushed)
                {
                    scans.Add(flushed);
                }

                _counters.CountDroppedOverLong(framer.DroppedOverLong - dropped);
                foreach (var text in scans)
                {
                    _counters.CountScan();
                    yield return new ScanEvent(Name, text, _timeProvider.GetUtcNow());
                }

                scans.Clear();
            }
        }
        finally
        {
            if (pending is not null)
            {
                // closing the port ends the read; its outcome no longer matters
                _ = pending.ContinueWith(static t => t.Exception, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            }
        }
    }

    /// <summary>The bytes read, or null when the inter-character timeout passed first.</summary>
    private async Task<int?> ReadOrTimeOutAsync(Task<int> pending, bool hasPending, CancellationToken cancellationToken)
    {
        int read;
        try
        {
            read = hasPending && _options.InterCharTimeout is { } timeout
                ? await pending.WaitAsync(timeout, _timeProvider, cancellationToken)
                : await pending.WaitAsync(cancellationToken);
        }
        catch (TimeoutException)
        {
            return null;
        }
        catch (Exception e) when (e is IOException or InvalidOperationException or UnauthorizedAccessException)
        {
            _counters.CountReadError();
            throw new IOException($"{Name}: read failed, the port is gone ({e.Message})", e);
        }

        if (read == 0)
        {
            _counters.CountReadError();
            throw new IOException($"{Name}: the port ended (end of stream)");
        }

        return read;
    }

    /// <summary>Raises DTR and RTS, which some CDC-ACM imagers wait for; ports without modem lines (a pty) refuse with ENOTTY.</summary>
    private static void RaiseModemLines(SerialPort port)
    {
        try
        {
            port.DtrEnable = true;
            port.RtsEnable = true;
        }
        catch (IOException)
        {
            // no modem lines on this port: the imager cannot be waiting for them either
        }
    }

    private async Task<SerialPort> OpenWhenPresentAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            if (File.Exists(_options.PortName))
            {
                var port = new SerialPort(_options.PortName, _options.BaudRate);
                try
                {
                    port.Open();
                    RaiseModemLines(port);
                    return port;
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    port.Dispose();
                    if (File.Exists(_options.PortName))
                    {
                        _counters.CountReadError();
                        throw;
                    }

                    // unplugged between the look and the open: wait for it again
                }
            }

            await Task.Delay(_options.DevicePollInterval, _timeProvider, cancellationToken);
        }
    }
}
