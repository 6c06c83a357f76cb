using System.Collections;
using ScanPoint.FleetServer.Storage;

namespace ScanPoint.FleetServer.Broker;

/// <summary>The authenticated device kept in an MQTT session's items.</summary>
internal static class DeviceSession
{
    private const string Key = "scanpoint.device";

    public static void Set(IDictionary items, DeviceRecord device) => items[Key] = device;

    public static DeviceRecord? Get(IDictionary? items) => items?[Key] as DeviceRecord;
}
