namespace ScanPoint.Contracts;

/// <summary>MQTT topic names (v1). A device owns <c>sp/v1/{province}/{deviceId}/…</c>.</summary>
public static class Topics
{
    public const string Root = "sp/v1";
    public const string Broadcast = Root + "/bcast";

    /// <summary>The current trust bundle's announcement (retained, from the fleet server).</summary>
    public const string Trust = Broadcast + "/trust";

    public static string DeviceRoot(string province, string deviceId) => $"{Root}/{province}/{deviceId}";

    public static string CheckIns(string province, string deviceId) => DeviceRoot(province, deviceId) + "/evt/checkin";

    public static string Ack(string province, string deviceId) => DeviceRoot(province, deviceId) + "/ack";

    public static string State(string province, string deviceId) => DeviceRoot(province, deviceId) + "/state";

    public static string ConfigDesired(string province, string deviceId) => DeviceRoot(province, deviceId) + "/cfg/desired";

    public static string Commands(string province, string deviceId) => DeviceRoot(province, deviceId) + "/cmd";

    /// <summary>Shared-subscription filter the fleet server uses for check-ins on an external broker.</summary>
    public const string AllCheckIns = Root + "/+/+/evt/checkin";

    /// <summary>Splits <c>sp/v1/{province}/{device}/{rest}</c>; false for anything else.</summary>
    public static bool TryParseDeviceTopic(string topic, out string province, out string deviceId, out string rest)
    {
        province = deviceId = rest = "";
        var parts = topic.Split('/', 5);
        if (parts.Length < 5 || parts[0] != "sp" || parts[1] != "v1" || parts[2] == "bcast")
        {
            return false;
        }

        (province, deviceId, rest) = (parts[2], parts[3], parts[4]);
        return province.Length > 0 && deviceId.Length > 0 && rest.Length > 0;
    }
}
