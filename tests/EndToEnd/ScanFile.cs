using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace ScanPoint.EndToEnd.Tests;

/// <summary>
/// The file a kiosk replays with <c>--scan-source lines:FILE</c>. Lines are distinct (<c>HC1:E2E-NAME-00001</c>, ...)
/// and appended while the kiosk follows the file, so the expected check-ins are known exactly.
/// </summary>
internal sealed class ScanFile
{
    private readonly string _name;
    private int _written;

    public ScanFile(string path, string name)
    {
        (Path, _name) = (path, name);
        File.WriteAllText(path, "");
    }

    public string Path { get; }

    /// <summary>Lines appended so far.</summary>
    public int Written => Volatile.Read(ref _written);

    /// <summary>Line n (from 1) of this file.</summary>
    public string Line(int n) => $"HC1:E2E-{_name}-{n:D5}";

    /// <summary>Appends the next <paramref name="count"/> lines in one write.</summary>
    public void Append(int count)
    {
        var text = new StringBuilder();
        for (var n = Written + 1; n <= Written + count; n++)
        {
            text.Append(Line(n)).Append('\n');
        }

        File.AppendAllText(Path, text.ToString());
        Interlocked.Add(ref _written, count);
    }

    /// <summary>Appends lines one per tick (a kiosk's steady stream) until stopped or <paramref name="max"/> are written.</summary>
    public async Task AppendPacedAsync(TimeSpan tick, int max, CancellationToken stop)
    {
        using var timer = new PeriodicTimer(tick);
        try
        {
            while (Written < max && await timer.WaitForNextTickAsync(stop))
            {
                Append(1);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // stopped
        }
    }

    /// <summary>The payload hash the kiosk sends for every line written, in order: sequence number n carries line n.</summary>
    public IReadOnlyList<string> ExpectedPayloadHashes() => [.. Enumerable.Range(1, Written).Select(n => PayloadHash(Line(n)))];

    /// <summary>base64url(SHA-256(UTF-8 text)) without padding, as the kiosk computes it.</summary>
    public static string PayloadHash(string text) => Base64Url.EncodeToString(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
