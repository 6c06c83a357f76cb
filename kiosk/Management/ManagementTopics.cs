using ScanPoint.Contracts;
using ScanPoint.Kiosk.Provisioning;

namespace ScanPoint.Kiosk.Management;

/// <summary>This kiosk's device-management topics: what the fleet sends it and what it answers on.</summary>
internal sealed record ManagementTopics(string Desired, string Commands, string Reported, string Results, string Alerts, string Logs)
{
    public static ManagementTopics Of(KioskIdentity identity)
    {
        ArgumentNullException.ThrowIfNull(identity);
        var root = Topics.DeviceRoot(identity.Province, identity.DeviceId);
        return new(Topics.ConfigDesired(identity.Province, identity.DeviceId), Topics.Commands(identity.Province, identity.DeviceId),
            root + "/cfg/reported", root + "/cmd/result", root + "/alert", root + "/logs");
    }
}
