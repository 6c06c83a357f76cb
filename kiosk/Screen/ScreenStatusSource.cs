using Microsoft.Extensions.Options;
using ScanPoint.Kiosk.Health;
using ScanPoint.Kiosk.Management;
using ScanPoint.Kiosk.Outbox;
using ScanPoint.Kiosk.Verification;

namespace ScanPoint.Kiosk.Screen;

/// <summary>Reads the status line from the kiosk's parts: the broker link, the outbox, the trust bundle, the fleet clock.</summary>
internal sealed class ScreenStatusSource(FleetLink link, ICheckInOutbox outbox, KioskTrust trust, ServerClock clock, IOptions<ScreenOptions> options, TimeProvider time)
{
    public ScreenStatus Read()
    {
        var o = options.Value;
        var now = time.GetUtcNow();
        var bundle = trust.Bundle;
        var trustWarning = bundle is null
            ? "Chưa có dữ liệu xác thực · No verification data"
            : now - bundle.IssuedAt > o.TrustWarnAfter
                ? $"Dữ liệu xác thực đã {(int)(now - bundle.IssuedAt).TotalDays} ngày · Verification data {(int)(now - bundle.IssuedAt).TotalDays} days old"
                : null;
        var clockWarning = clock.OffsetSeconds is { } offset && Math.Abs(offset) > o.ClockWarnAfter.TotalSeconds
            ? $"Đồng hồ lệch {Math.Abs(offset):0} giây · Clock off by {Math.Abs(offset):0} s"
            : null;
        return new ScreenStatus(link.IsConnected, outbox.GetStatus().Pending, trustWarning, clockWarning);
    }
}
