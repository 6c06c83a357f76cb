namespace ScanPoint.Kiosk.Clock;

/// <summary>What <see cref="ClockGuard"/> thinks of the kiosk's clock.</summary>
public enum ClockStatus
{
    /// <summary>Not behind the last-known-good time, and within the skew bound of the fleet's clock (when known).</summary>
    Trusted,

    /// <summary>Behind the last-known-good time by more than the tolerance: the clock went back (no RTC, lost NTP).</summary>
    BehindLastKnownGood,

    /// <summary>The fleet's clock differs by more than <see cref="ClockOptions.MaxClockSkew"/>.</summary>
    SkewedFromFleet,
}
