using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ScanPoint.Kiosk.Clock;
using ScanPoint.Kiosk.Health;

namespace ScanPoint.Kiosk.Tests.Clock;

/// <summary>Clock guards for tests that are not about the clock.</summary>
internal static class ClockGuards
{
    /// <summary>A guard over <paramref name="dataDir"/>'s last-known-good time (none yet) and no fleet clock: trusts the clock.</summary>
    public static ClockGuard Trusting(TimeProvider time, string dataDir) =>
        new(time, new ServerClock(time), LastKnownGoodTime.Load(dataDir, TimeSpan.FromMinutes(10), NullLogger.Instance), Options.Create(new ClockOptions()));
}
