using System.Threading.Channels;

namespace ScanPoint.FleetServer.Management;

/// <summary>
/// Births seen by the fleet: a device that comes (back) online gets its unanswered commands again (the kiosk runs each
/// id once) and its desired config again (an embedded broker forgets retained messages when it restarts).
/// </summary>
public sealed class DeviceCameOnline
{
    private readonly Channel<string> _devices = Channel.CreateBounded<string>(new BoundedChannelOptions(10_000) { FullMode = BoundedChannelFullMode.DropOldest });

    public void Notify(string deviceId) => _devices.Writer.TryWrite(deviceId);

    public ChannelReader<string> Reader => _devices.Reader;
}
