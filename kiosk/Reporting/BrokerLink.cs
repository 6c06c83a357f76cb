namespace ScanPoint.Kiosk.Reporting;

/// <summary>Whether the reporter is connected to the fleet right now (the screen's "offline" indicator).</summary>
public sealed class BrokerLink
{
    private volatile bool _connected;

    public bool Connected => _connected;

    public void Set(bool connected) => _connected = connected;
}
