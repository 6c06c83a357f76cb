using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using ScanPoint.Contracts.Wire;
using ScanPoint.Kiosk.Commands;
using ScanPoint.Kiosk.Management;
using ScanPoint.Kiosk.Reporting;
using ScanPoint.TestKit;

namespace ScanPoint.Kiosk.Tests.Management;

/// <summary><c>kiosk config set</c>: validation, province locks, the override cool-down and the audit trail.</summary>
public sealed class ConfigCommandTests : IDisposable
{
    private readonly TempDirectory _dir = new("config-cmd");
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero));

    public ConfigCommandTests()
    {
        var config = new KioskConfig(Options.Create(new KioskOptions { DataDir = _dir.Path }), Options.Create(new ReportingOptions()), _time);
        var desired = KioskConfigTests.Desired(1, 3, new() { ["policy.x"] = "strict" }, locked: ["policy.x"]);
        config.Apply(desired, WireJson.Encode(desired));
    }

    [Fact]
    public void Run_SetValidKey_WritesLocalAndAudits()
    {
        var (code, _, _) = Run("set", "mode=checkpoint");

        Assert.Equal(0, code);
        Assert.Equal("checkpoint", LocalConfig.Load(_dir.Path).Settings["mode"]);
        var entry = Assert.Single(ConfigAudit.Read(_dir.Path));
        Assert.Equal(("mode", "venue", "checkpoint", false), (entry.Key, entry.Old, entry.New, entry.OverrideLock));
        Assert.Equal(Environment.UserName, entry.User);
    }

    [Fact]
    public void Run_InvalidValue_RefusedNamingTheKey()
    {
        var (code, _, error) = Run("set", "heartbeatInterval=2s");

        Assert.Equal(1, code);
        Assert.Contains("heartbeatInterval", error, StringComparison.Ordinal);
        Assert.Empty(ConfigAudit.Read(_dir.Path));
    }

    [Fact]
    public void Run_LockedKey_RefusedWithoutOverrideThenAllowedOncePerCooldown()
    {
        var (refused, _, why) = Run("set", "policy.x=lax");
        Assert.Equal(1, refused);
        Assert.Contains("locked by the province policy", why, StringComparison.Ordinal);

        Assert.Equal(0, Run("set", "policy.x=lax", "--override-lock").Code);
        _time.Advance(TimeSpan.FromHours(23));
        var (again, _, cooldown) = Run("set", "policy.x=laxer", "--override-lock");
        Assert.Equal(1, again);
        Assert.Contains("already overridden", cooldown, StringComparison.Ordinal);

        _time.Advance(TimeSpan.FromHours(1));
        Assert.Equal(0, Run("set", "policy.x=laxer", "--override-lock").Code);
        Assert.Equal(2, ConfigAudit.Read(_dir.Path).Count(e => e.OverrideLock));
        var show = Run("show");
        Assert.Contains("policy.x = laxer (local, locked)", show.Output, StringComparison.Ordinal);
    }

    public void Dispose() => _dir.Dispose();

    private (int Code, string Output, string Error) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = ConfigCommand.Run([.. args, "--data-dir", _dir.Path], _time, output, error);
        return (code, output.ToString(), error.ToString());
    }
}
