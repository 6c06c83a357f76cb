using ScanPoint.Contracts;
using ScanPoint.Kiosk.Provisioning;

namespace ScanPoint.Kiosk.Reporting;

/// <summary>This kiosk's own MQTT topics.</summary>
internal sealed record KioskIdentityTopics(string Ack, string State, string Heartbeat)
{
    public static KioskIdentityTopics Of(KioskIdentity identity) => new(
        Topics.Ack(identity.Province, identity.DeviceId),
        Topics.State(identity.Province, identity.DeviceId),
        Topics.DeviceRoot(identity.Province, identity.DeviceId) + "/hb");
}
