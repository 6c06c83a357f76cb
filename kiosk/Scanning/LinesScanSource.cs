using System.Runtime.CompilerServices;
using System.Text;
using ScanPoint.Hardware.Scanning;
using ScanPoint.Kiosk.Outbox;

namespace ScanPoint.Kiosk.Scanning;

/// <summary>
/// Follows a text file like <c>tail -f</c> (woken by inotify, polling every 100 ms as a fallback): each complete new
/// line is one scan. It resumes after the last line the
/// outbox recorded (the byte offset travels with each check-in as a <see cref="SourceCursor"/>), so a replay survives
/// kiosk restarts and kill -9 without skipping or repeating a line. Lines longer than the limit are skipped.
/// </summary>
public sealed class LinesScanSource(string path, Func<string, long> committedPosition, TimeProvider time, int maxLineBytes) : IScanSource
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);

    public string Name { get; } = "lines:" + Path.GetFullPath(path);

    /// <summary>Lines skipped for being too long since start.</summary>
    public int SkippedLines { get; private set; }

    public async IAsyncEnumerable<ScanEvent> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        while (!File.Exists(path))
        {
            await Task.Delay(PollInterval, time, cancellationToken).ConfigureAwait(false);
        }

        using var changes = new FileChanges(path);
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        var position = committedPosition(Name);
        file.Position = position <= file.Length ? position : 0;
        var line = new List<byte>();
        var skipping = false;
        var buffer = new byte[16 * 1024];
        while (true)
        {
            var chunkStart = file.Position;
            var read = await file.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                await changes.WaitAsync(PollInterval, time, cancellationToken).ConfigureAwait(false);
                continue;
            }

            for (var i = 0; i < read; i++)
            {
                if (buffer[i] != (byte)'\n')
                {
                    skipping |= line.Count >= maxLineBytes;
                    if (!skipping)
                    {
                        line.Add(buffer[i]);
                    }

                    continue;
                }

                var text = Encoding.UTF8.GetString(line.ToArray()).TrimEnd('\r');
                var skipped = skipping;
                (line, skipping) = ([], false);
                if (skipped)
                {
                    SkippedLines++;
                }
                else if (text.Trim().Length > 0)
                {
                    yield return new ScanEvent(Name, text, time.GetUtcNow(), new SourceCursor(Name, chunkStart + i + 1));
                }
            }
        }
    }
}
