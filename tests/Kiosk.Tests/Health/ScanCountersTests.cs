using ScanPoint.Kiosk.Health;
using ScanPoint.Kiosk.Scanning;

namespace ScanPoint.Kiosk.Tests.Health;

/// <summary>Counts since the last beat, per source; a counter that starts again from zero never makes one negative.</summary>
public sealed class ScanCountersTests
{
    [Fact]
    public void SinceLast_SourceCounterReset_ClampedAtZero()
    {
        var counters = new ScanCounters();
        counters.SinceLast([Status("camera", 10, 8), Status("lines", 5, null)]);

        // the camera restarted: its decode failures start again from 2; the other source's scans still count
        var since = counters.SinceLast([Status("camera", 10, 2), Status("lines", 7, null)]);

        Assert.Equal((2L, 0L), since);
        Assert.Equal((0L, 3L), counters.SinceLast([Status("camera", 10, 5), Status("lines", 7, null)]));
    }

    [Fact]
    public void SinceLast_NewSourceAppears_CountsFromZero()
    {
        var counters = new ScanCounters();
        counters.SinceLast([Status("lines", 5, null)]);

        Assert.Equal((6L, 1L), counters.SinceLast([Status("lines", 5, null), Status("camera", 6, 1)]));
    }

    private static ScanSourceStatus Status(string name, long scans, double? decodeFailures) =>
        new(name, "running", scans, 0, null, null,
            decodeFailures is { } f ? new Dictionary<string, double> { [ScanCounters.DecodeFailuresMetric] = f } : new Dictionary<string, double>());
}
