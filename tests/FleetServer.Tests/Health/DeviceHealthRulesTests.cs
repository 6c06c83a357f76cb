using Microsoft.Extensions.Time.Testing;
using ScanPoint.Contracts.Devices;
using ScanPoint.FleetServer.Health;
using ScanPoint.FleetServer.Storage;

namespace ScanPoint.FleetServer.Tests.Health;

/// <summary>State transitions of one device as the clock moves (FakeTimeProvider), with presence, beats and scans kept apart.</summary>
public sealed class DeviceHealthRulesTests
{
    private static readonly HealthOptions Options = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero));

    [Fact]
    public void A_registered_device_that_never_spoke_is_never_active_until_it_does()
    {
        var row = Row();

        Assert.Equal(DeviceStates.NeverActive, State(row));
        Assert.Equal(DeviceStates.Online, State(row with { Presence = Online(1), PresenceReceivedAt = Now, LastHeartbeatAt = Now, LastHeartbeat = Beat(), LastCheckInAt = Now, CheckIns = 1 }));
    }

    [Fact]
    public void An_online_device_goes_stale_after_three_missed_beats_and_back_with_a_beat()
    {
        var row = Row() with { Presence = Online(1), PresenceReceivedAt = Now, LastHeartbeatAt = Now, LastHeartbeat = Beat(), LastCheckInAt = Now, CheckIns = 5 };

        _time.Advance(TimeSpan.FromSeconds(179));
        Assert.Equal(DeviceStates.Online, State(row));
        _time.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(DeviceStates.Stale, State(row));
        Assert.Equal(DeviceStates.Online, State(row with { LastHeartbeatAt = Now }));
    }

    [Fact]
    public void An_online_device_without_scans_for_three_days_is_idle_but_still_active_within_seven()
    {
        var scanned = Now;
        _time.Advance(TimeSpan.FromDays(3) + TimeSpan.FromMinutes(1));
        var row = Row() with { Presence = Online(1), PresenceReceivedAt = Now, LastHeartbeatAt = Now, LastHeartbeat = Beat(), LastCheckInAt = scanned, CheckIns = 5 };

        var health = DeviceHealthRules.Derive(row, Now, Options);

        Assert.Equal(DeviceStates.Idle, health.State);
        Assert.True(health.ActiveInWindow);
        _time.Advance(TimeSpan.FromDays(4));
        Assert.False(DeviceHealthRules.Derive(row with { LastHeartbeatAt = Now, PresenceReceivedAt = Now }, Now, Options).ActiveInWindow);
    }

    [Fact]
    public void Presence_decides_lost_and_offline_and_revocation_overrides_everything()
    {
        var row = Row() with { LastHeartbeatAt = Now, LastHeartbeat = Beat(), CheckIns = 1, PresenceReceivedAt = Now };

        Assert.Equal(DeviceStates.Lost, State(row with { Presence = new DevicePresence("lost", 1, Now) }));
        Assert.Equal(DeviceStates.Offline, State(row with { Presence = new DevicePresence("offline", 1, Now) }));
        Assert.Equal(DeviceStates.Revoked, State(row with { Presence = Online(1), RevokedAt = Now }));
    }

    [Fact]
    public void Heartbeat_thresholds_raise_alerts_on_an_online_device()
    {
        var bad = Beat() with { DiskFreeBytes = 5, DiskTotalBytes = 100, OutboxOldestAgeSeconds = 7200, CpuTemperatureC = 85, ClockOffsetSeconds = -120, TrustAgeSeconds = 8 * 86400 };
        var row = Row() with { Presence = Online(1), PresenceReceivedAt = Now, LastHeartbeatAt = Now, LastHeartbeat = bad, LastCheckInAt = Now, CheckIns = 1 };

        var health = DeviceHealthRules.Derive(row, Now, Options);

        Assert.Equal(DeviceStates.Alert, health.State);
        Assert.Equal(["DISK_LOW", "OUTBOX_BACKLOG", "CPU_HOT", "CLOCK_SKEW", "TRUST_STALE"], health.Alerts);
        Assert.Equal(["NO_TRUST"], DeviceHealthRules.Alerts(Beat() with { TrustVersion = null }, Options));
    }

    [Fact]
    public void Provinces_count_registered_active_and_each_state()
    {
        var devices = new[]
        {
            DeviceHealthRules.Derive(Row("a", "HN"), Now, Options),
            DeviceHealthRules.Derive(Row("b", "HN") with { Presence = Online(1), PresenceReceivedAt = Now, LastHeartbeatAt = Now, LastHeartbeat = Beat(), LastCheckInAt = Now, CheckIns = 3 }, Now, Options),
            DeviceHealthRules.Derive(Row("c", "DN") with { Presence = new DevicePresence("lost", 2, Now), PresenceReceivedAt = Now, CheckIns = 1, LastCheckInAt = Now.AddDays(-30) }, Now, Options),
        };

        var provinces = ProvinceHealth.Summarise(devices);

        Assert.Equal(["DN", "HN"], provinces.Select(p => p.Province));
        var hn = provinces[1];
        Assert.Equal((2, 1, 0.5), (hn.Registered, hn.ActiveInWindow, hn.ActiveRatio));
        Assert.Equal((1, 1), (hn.States[DeviceStates.NeverActive], hn.States[DeviceStates.Online]));
        Assert.Equal((1, 0), (provinces[0].States[DeviceStates.Lost], provinces[0].ActiveInWindow));
    }

    private DateTimeOffset Now => _time.GetUtcNow();

    private string State(DeviceHealthRow row) => DeviceHealthRules.Derive(row, Now, Options).State;

    private DeviceHealthRow Row(string id = "kiosk-1", string province = "HN") =>
        new(id, province, "site", Now.AddDays(-1), null, null, null, null, null, 0);

    private DevicePresence Online(long boot) => new("online", boot, Now);

    private static HeartbeatReported Beat() =>
        new(HeartbeatReported.SchemaVersion, 1, DateTimeOffset.UnixEpoch, 60, 50, 50, 100, 1000, 100, 0, null, 7, 3600, 0.2, 3, 0);
}
