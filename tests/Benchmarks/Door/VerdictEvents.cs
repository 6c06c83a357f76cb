using System.Diagnostics;
using System.Text.Json;

namespace ScanPoint.Benchmarks.Door;

/// <summary>Follows the kiosk page's event stream and notes when each verdict (by its running count) arrived.</summary>
internal sealed class VerdictEvents(Uri events) : IDisposable
{
    private readonly HttpClient _http = new() { Timeout = Timeout.InfiniteTimeSpan };
    private readonly Dictionary<long, long> _arrivals = [];
    private readonly Lock _lock = new();

    /// <summary>Stopwatch timestamp at which verdict number <paramref name="n"/> arrived, or null.</summary>
    public long? ArrivedAt(long n)
    {
        lock (_lock)
        {
            return _arrivals.TryGetValue(n, out var t) ? t : null;
        }
    }

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        using var response = await _http.GetAsync(events, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cancellationToken));
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            if (!line.StartsWith("data: ", StringComparison.Ordinal))
            {
                continue;
            }

            var now = Stopwatch.GetTimestamp();
            using var state = JsonDocument.Parse(line.AsMemory(6));
            var verdicts = state.RootElement.GetProperty("verdicts").GetInt64();
            lock (_lock)
            {
                _arrivals.TryAdd(verdicts, now);
            }
        }
    }

    public void Dispose() => _http.Dispose();
}
