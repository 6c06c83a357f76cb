using System.Buffers;
using System.Text.Json;
using System.Threading.Channels;
using ScanPoint.Contracts.CheckIns;
using ScanPoint.Kiosk.Outbox;

namespace ScanPoint.Benchmarks.Outbox;

/// <summary>
/// The floor: each check-in as one line of JSON (~200 bytes) appended to a plain file, fsync'd before the caller hears
/// "recorded". Like the outbox it commits whatever is queued (up to <see cref="LiteDbCheckInOutbox.MaxGroup"/>) with
/// one write and one fsync, through the same <see cref="DurableFileStream"/>; it has no index, no deletes, no recovery.
/// </summary>
internal sealed class AppendLogRecorder : ICheckInRecorder
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly DurableFileStream _file;
    private readonly Channel<Request> _requests = Channel.CreateUnbounded<Request>(new() { SingleReader = true });
    private readonly Task _writer;
    private long _seq;

    public AppendLogRecorder(string folder)
    {
        _file = new DurableFileStream(Path.Combine(folder, "append.log"));
        _file.Seek(0, SeekOrigin.End);
        _writer = Task.Factory.StartNew(WriteLoopAsync, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default).Unwrap();
    }

    public WriteStats? Stats => _file.Stats;

    public Task RecordAsync(ScannedCode scan, CancellationToken cancellationToken)
    {
        var request = new Request(scan, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        ObjectDisposedException.ThrowIf(!_requests.Writer.TryWrite(request), this);
        return request.Done.Task.WaitAsync(cancellationToken);
    }

    public void Dispose()
    {
        _requests.Writer.TryComplete();
        _writer.GetAwaiter().GetResult();
        _file.Dispose();
    }

    private async Task WriteLoopAsync()
    {
        var group = new List<Request>(LiteDbCheckInOutbox.MaxGroup);
        var buffer = new ArrayBufferWriter<byte>(64 * 1024);
        using var json = new Utf8JsonWriter(buffer);
        while (await _requests.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            while (group.Count < LiteDbCheckInOutbox.MaxGroup && _requests.Reader.TryRead(out var request))
            {
                group.Add(request);
            }

            buffer.ResetWrittenCount();
            foreach (var request in group)
            {
                var s = request.Scan;
                var checkIn = new CheckInRecorded(
                    Ulid.NewUlid(TimeProvider.System.GetUtcNow()).ToString(), ++_seq, "bench-kiosk", "bench-site", s.At, s.Format, s.Verdict, s.PayloadHash);
                json.Reset(buffer);
                JsonSerializer.Serialize(json, checkIn, Json);
                json.Flush();
                buffer.Write("\n"u8);
            }

            _file.Write(buffer.WrittenSpan);
            _file.Flush();
            group.ForEach(r => r.Done.TrySetResult());
            group.Clear();
        }
    }

    private sealed record Request(ScannedCode Scan, TaskCompletionSource Done);
}
