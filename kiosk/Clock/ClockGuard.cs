using Microsoft.Extensions.Options;
using ScanPoint.Kiosk.Health;

namespace ScanPoint.Kiosk.Clock;

/// <summary>
/// The one place that says whether the kiosk's clock can be used to judge codes: not behind the last-known-good time
/// (minus <see cref="ClockOptions.ClockTolerance"/>) and, once the fleet's clock is known, not more than
/// <see cref="ClockOptions.MaxClockSkew"/> away from it. Otherwise the verdict is <c>unverifiable:CLOCK</c>.
/// </summary>
public sealed class ClockGuard(TimeProvider time, ServerClock serverClock, LastKnownGoodTime lastKnownGood, IOptions<ClockOptions> options)
{
    /// <summary>The verdict code of a refused clock.</summary>
    public const string Code = "CLOCK";

    public ClockStatus Check()
    {
        var o = options.Value;
        if (lastKnownGood.Value is { } good && time.GetUtcNow() < good - o.ClockTolerance)
        {
            return ClockStatus.BehindLastKnownGood;
        }

        return serverClock.OffsetSeconds is { } offset && Math.Abs(offset) > o.MaxClockSkew.TotalSeconds
            ? ClockStatus.SkewedFromFleet
            : ClockStatus.Trusted;
    }
}
