using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using ScanPoint.Contracts.Management;
using ScanPoint.Contracts.Wire;
using ScanPoint.Kiosk.Management;
using ScanPoint.Kiosk.Reporting;
using ScanPoint.TestKit;

namespace ScanPoint.Kiosk.Tests.Management;

/// <summary>The kiosk's config twin: desired documents, validation, persistence and local settings.</summary>
public sealed class KioskConfigTests : IDisposable
{
    private readonly TempDirectory _dir = new("config");
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Apply_InvalidAndUnknownKeys_RejectsThoseAppliesTheRest()
    {
        var config = Create();
        var desired = Desired(1, 1, new() { ["heartbeatInterval"] = "10s", ["mode"] = "airport", ["colour"] = "red", ["policy.x"] = "strict" });

        Assert.True(config.Apply(desired, WireJson.Encode(desired)));

        var reported = config.Reported();
        Assert.Equal(TimeSpan.FromSeconds(10), config.HeartbeatInterval);
        Assert.Equal("venue", reported.Effective["mode"]);
        Assert.Equal("strict", reported.Effective["policy.x"]);
        Assert.Equal(["colour", "mode"], reported.Rejected.Select(r => r.Key));
        Assert.All(ConfigCatalog.Keys, k => Assert.True(reported.Effective.ContainsKey(k)));
        Assert.Equal("", ManagementValidation.Validate(reported));
    }

    [Fact]
    public void Apply_OlderInEitherVersion_IsIgnored()
    {
        var config = Create();
        var first = Desired(2, 5, new() { ["mode"] = "checkpoint" });
        config.Apply(first, WireJson.Encode(first));
        var olderPolicy = Desired(3, 4, new() { ["mode"] = "venue" });

        Assert.False(config.Apply(olderPolicy, WireJson.Encode(olderPolicy)));
        Assert.Equal("checkpoint", config.Get("mode"));
        Assert.Equal(2, config.Reported().DeviceVersion);
    }

    [Fact]
    public void Constructor_AfterRestart_AppliesSavedDesiredOffline()
    {
        var desired = Desired(1, 0, new() { ["alerts.raiseAfter"] = "5m" });
        Create().Apply(desired, WireJson.Encode(desired));

        var restarted = Create();

        Assert.Equal(TimeSpan.FromMinutes(5), restarted.Duration(ConfigCatalog.RaiseAfter));
        Assert.Equal(1, restarted.Reported().DeviceVersion);
    }

    [Fact]
    public void ReloadLocalIfChanged_LocalSetting_WinsUnlessLockedWithoutOverride()
    {
        var config = Create();
        var desired = Desired(1, 1, new() { ["mode"] = "checkpoint", ["policy.x"] = "a" }, locked: ["policy.x"]);
        config.Apply(desired, WireJson.Encode(desired));
        var local = LocalConfig.Empty;
        local.Settings["mode"] = "venue";
        local.Settings["policy.x"] = "b";
        local.Save(_dir.Path);

        Assert.True(config.ReloadLocalIfChanged());

        var reported = config.Reported();
        Assert.Equal("venue", reported.Effective["mode"]);
        Assert.Equal("a", reported.Effective["policy.x"]);
        Assert.Equal(["mode"], reported.LocalOverrides.Keys);
        Assert.False(config.ReloadLocalIfChanged());
    }

    public void Dispose() => _dir.Dispose();

    internal static ConfigDesired Desired(long device, long policy, Dictionary<string, string> settings, IReadOnlyList<string>? locked = null) =>
        new(ConfigDesired.SchemaVersion, device, policy, settings, locked ?? [], DateTimeOffset.UnixEpoch);

    private KioskConfig Create() => new(Options.Create(new KioskOptions { DataDir = _dir.Path }), Options.Create(new ReportingOptions()), _time);
}
