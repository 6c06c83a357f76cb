using ScanPoint.Kiosk.Scanning;

namespace ScanPoint.Kiosk.Health;

/// <summary>
/// Turns the scan sources' running totals (scans, the <c>decode_failures</c> metric) into counts since the previous
/// call, per source, so a source whose counter starts again from zero after a restart never makes a count negative.
/// </summary>
internal sealed class ScanCounters
{
    public const string DecodeFailuresMetric = "decode_failures";

    private readonly Dictionary<string, (long Scans, long DecodeFailures)> _previous = new(StringComparer.Ordinal);

    /// <summary>Scans and decode failures since the last call (the first call counts from zero).</summary>
    public (long Scans, long DecodeFailures) SinceLast(IReadOnlyList<ScanSourceStatus> sources)
    {
        long scans = 0, failures = 0;
        foreach (var source in sources)
        {
            var decodeFailures = source.Metrics.TryGetValue(DecodeFailuresMetric, out var value) && double.IsFinite(value) ? (long)value : 0;
            var previous = _previous.GetValueOrDefault(source.Name);
            scans += Math.Max(0, source.Scans - previous.Scans);
            failures += Math.Max(0, decodeFailures - previous.DecodeFailures);
            _previous[source.Name] = (source.Scans, decodeFailures);
        }

        return (scans, failures);
    }
}
