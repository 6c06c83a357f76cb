using Microsoft.Extensions.Options;
using ScanPoint.FleetServer.Health;
using ScanPoint.FleetServer.Storage;

namespace ScanPoint.FleetServer.Dashboard;

/// <summary>
/// Derives every device's state exactly as <c>/api/devices</c> and <c>/api/provinces</c> do (<see cref="DeviceHealthRules"/>
/// over the store's rows and open alerts) and adds districts from the site registry. A derivation younger than
/// <see cref="DashboardOptions.SnapshotMaxAge"/> is reused; one younger than <see cref="DashboardOptions.SnapshotMaxStale"/>
/// is served while a fresh one is derived in the background (pages show the instant of what they show); anything older
/// is derived while the caller waits. One derivation runs at a time; callers arriving meanwhile share it.
/// </summary>
public sealed class FleetSnapshots(IFleetStore store, IOptions<HealthOptions> health, IOptions<DashboardOptions> options, TimeProvider time, ILogger<FleetSnapshots> logger) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly CancellationTokenSource _stopping = new();
    private volatile FleetSnapshot? _last;
    private int _refreshing;

    public async Task<FleetSnapshot> CurrentAsync(CancellationToken cancellationToken)
    {
        var last = _last;
        var age = last is null ? TimeSpan.MaxValue : time.GetUtcNow() - last.At;
        if (options.Value.SnapshotMaxAge <= TimeSpan.Zero)
        {
            return await DeriveOnceAsync(last, cancellationToken).ConfigureAwait(false);
        }

        if (last is not null && age < options.Value.SnapshotMaxAge)
        {
            return last;
        }

        if (last is not null && age < options.Value.SnapshotMaxStale)
        {
            RefreshInBackground();
            return last;
        }

        return await DeriveOnceAsync(last, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Forgets the current derivation (the next caller derives afresh), e.g. after a change made here.</summary>
    public void Invalidate() => _last = null;

    public void Dispose()
    {
        _stopping.Cancel();
        _stopping.Dispose();
        _gate.Dispose();
    }

    private void RefreshInBackground()
    {
        if (Interlocked.Exchange(ref _refreshing, 1) == 1)
        {
            return;
        }

        var seen = _last;
        _ = Task.Run(async () =>
        {
            try
            {
                await DeriveOnceAsync(seen, _stopping.Token).ConfigureAwait(false);
            }
            catch (Exception) when (_stopping.IsCancellationRequested)
            {
                // The server is stopping (the gate or the token may be disposed already).
            }
            catch (Exception ex)
            {
                Log.SnapshotRefreshFailed(logger, ex);
            }
            finally
            {
                Volatile.Write(ref _refreshing, 0);
            }
        });
    }

    /// <summary>Derives unless another caller replaced <paramref name="seen"/> while this one waited.</summary>
    private async Task<FleetSnapshot> DeriveOnceAsync(FleetSnapshot? seen, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_last is { } other && !ReferenceEquals(other, seen) && time.GetUtcNow() - other.At < options.Value.SnapshotMaxAge)
            {
                return other;
            }

            var snapshot = await DeriveAsync(cancellationToken).ConfigureAwait(false);
            _last = snapshot;
            return snapshot;
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<FleetSnapshot> DeriveAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var rules = health.Value;
        var started = time.GetTimestamp();
        var rows = await store.ListDeviceHealthAsync(cancellationToken).ConfigureAwait(false);
        var read = time.GetElapsedTime(started);
        var alerts = (await store.Management.OpenAlertsAsync(cancellationToken).ConfigureAwait(false)).ToLookup(a => a.DeviceId, a => a.Kind, StringComparer.Ordinal);
        var sites = await store.Sites.ListAsync(null, cancellationToken).ConfigureAwait(false);
        var others = time.GetElapsedTime(started) - read;
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

        Log.SnapshotDerived(logger, devices.Length, read.TotalMilliseconds, others.TotalMilliseconds, (time.GetElapsedTime(started) - read - others).TotalMilliseconds);
        return new FleetSnapshot(now, devices, sites);
    }
}
