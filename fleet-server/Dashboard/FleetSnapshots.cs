using Microsoft.Extensions.Options;
using ScanPoint.FleetServer.Health;
using ScanPoint.FleetServer.Storage;

namespace ScanPoint.FleetServer.Dashboard;

/// <summary>
/// Derives every device's state exactly as <c>/api/devices</c> and <c>/api/provinces</c> do (<see cref="DeviceHealthRules"/>
/// over the store's rows and open alerts), adds districts from the site registry, and reuses the result for
/// <see cref="DashboardOptions.SnapshotMaxAge"/>. One derivation runs at a time; callers arriving meanwhile share it.
/// </summary>
public sealed class FleetSnapshots(IFleetStore store, IOptions<HealthOptions> health, IOptions<DashboardOptions> options, TimeProvider time, ILogger<FleetSnapshots> logger) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile FleetSnapshot? _last;

    public async Task<FleetSnapshot> CurrentAsync(CancellationToken cancellationToken)
    {
        if (Fresh(_last) is { } fresh)
        {
            return fresh;
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (Fresh(_last) is { } again)
            {
                return again;
            }

            var started = time.GetTimestamp();
            var snapshot = await DeriveAsync(cancellationToken).ConfigureAwait(false);
            Log.SnapshotDerived(logger, snapshot.Devices.Count, time.GetElapsedTime(started).TotalMilliseconds);
            _last = snapshot;
            return snapshot;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Forgets the current derivation (the next caller derives afresh), e.g. after a change made here.</summary>
    public void Invalidate() => _last = null;

    public void Dispose() => _gate.Dispose();

    private FleetSnapshot? Fresh(FleetSnapshot? s) =>
        s is not null && time.GetUtcNow() - s.At < options.Value.SnapshotMaxAge ? s : null;

    private async Task<FleetSnapshot> DeriveAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var rules = health.Value;
        var rows = await store.ListDeviceHealthAsync(cancellationToken).ConfigureAwait(false);
        var alerts = (await store.Management.OpenAlertsAsync(cancellationToken).ConfigureAwait(false)).ToLookup(a => a.DeviceId, a => a.Kind, StringComparer.Ordinal);
        var sites = await store.Sites.ListAsync(null, cancellationToken).ConfigureAwait(false);
        var bySite = sites.ToDictionary(s => (s.Province, s.SiteId));
        var devices = new DashboardDevice[rows.Count];
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var derived = DeviceHealthRules.Derive(row, now, rules, [.. alerts[row.DeviceId]]);
            var site = bySite.GetValueOrDefault((row.Province, row.SiteId));
            var trustAge = row.LastHeartbeat?.TrustAgeSeconds;
            devices[i] = new DashboardDevice(
                derived,
                site?.District ?? DashboardDevice.NoDistrict,
                site?.Name ?? row.SiteId,
                trustAge,
                trustAge is { } age && age > rules.MaxTrustAge.TotalSeconds,
                derived.ClockOffsetSeconds is { } offset && Math.Abs(offset) > rules.MaxClockOffset.TotalSeconds);
        }

        return new FleetSnapshot(now, devices, sites);
    }
}
