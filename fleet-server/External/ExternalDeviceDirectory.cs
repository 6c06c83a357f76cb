using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using ScanPoint.FleetServer.Storage;

namespace ScanPoint.FleetServer.External;

/// <summary>
/// The device a topic names, from the store, remembered for <see cref="ExternalBrokerOptions.DeviceCacheLifetime"/> so
/// a heartbeat does not cost a registry read. Unknown devices are not remembered (a device enrolled a moment ago is found).
/// </summary>
internal sealed class ExternalDeviceDirectory(IFleetStore store, IOptions<ExternalBrokerOptions> options, TimeProvider time)
{
    private const int MaxEntries = 1_000_000;
    private readonly ConcurrentDictionary<string, (DeviceRecord Device, long At)> _cache = new(StringComparer.Ordinal);

    public async Task<DeviceRecord?> FindAsync(string deviceId, CancellationToken cancellationToken)
    {
        if (_cache.TryGetValue(deviceId, out var entry) && time.GetElapsedTime(entry.At) < options.Value.DeviceCacheLifetime)
        {
            return entry.Device;
        }

        var device = await store.FindDeviceAsync(deviceId, cancellationToken).ConfigureAwait(false);
        if (device is null)
        {
            _cache.TryRemove(deviceId, out _);
            return null;
        }

        if (_cache.Count >= MaxEntries)
        {
            _cache.Clear();
        }

        _cache[deviceId] = (device, time.GetTimestamp());
        return device;
    }
}
