using System.Threading.Channels;

namespace ScanPoint.Kiosk.Scanning;

/// <summary>
/// Wakes a file follower as soon as the file changes (inotify through <see cref="FileSystemWatcher"/>), with a poll as
/// the fallback where change events do not arrive (network file systems, a watcher that failed to start).
/// </summary>
internal sealed class FileChanges : IDisposable
{
    private readonly Channel<bool> _changed = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly FileSystemWatcher? _watcher;

    public FileChanges(string path)
    {
        try
        {
            var full = Path.GetFullPath(path);
            _watcher = new FileSystemWatcher(Path.GetDirectoryName(full)!, Path.GetFileName(full)) { NotifyFilter = NotifyFilters.Size | NotifyFilters.LastWrite | NotifyFilters.FileName };
            _watcher.Changed += (_, _) => _changed.Writer.TryWrite(true);
            _watcher.Created += (_, _) => _changed.Writer.TryWrite(true);
            _watcher.EnableRaisingEvents = true;
        }
        catch (Exception ex) when (ex is IOException or ArgumentException or PlatformNotSupportedException or UnauthorizedAccessException)
        {
            _watcher = null; // polling only
        }
    }

    /// <summary>Returns when the file changed (since the last wait) or after <paramref name="poll"/>.</summary>
    public async Task WaitAsync(TimeSpan poll, TimeProvider time, CancellationToken cancellationToken)
    {
        if (_changed.Reader.TryRead(out _))
        {
            return;
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var changed = _changed.Reader.WaitToReadAsync(stop.Token).AsTask();
        var timeout = Task.Delay(poll, time, stop.Token);
        await Task.WhenAny(changed, timeout).ConfigureAwait(false);
        await stop.CancelAsync().ConfigureAwait(false);
        _changed.Reader.TryRead(out _);
        cancellationToken.ThrowIfCancellationRequested();
    }

    public void Dispose() => _watcher?.Dispose();
}
