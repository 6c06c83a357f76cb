using ScanPoint.Contracts.Management;
using ScanPoint.FleetServer.Storage;

namespace ScanPoint.FleetServer.Tests.Storage;

public abstract partial class FleetStoreContractTests
{
    private static readonly Dictionary<string, string> Interval = new() { ["heartbeatInterval"] = "30s" };

    [Fact]
    public async Task Settings_are_versioned_and_a_stale_writer_loses()
    {
        await Store.AddDeviceAsync(TestCheckIns.Device("kiosk-1"), Ct);
        Assert.Equal(0, (await Store.Management.DeviceSettingsAsync("kiosk-1", Ct)).Version);

        Assert.True(await Store.Management.SaveDeviceSettingsAsync("kiosk-1", 0, Interval, Time.GetUtcNow(), Ct));
        Assert.False(await Store.Management.SaveDeviceSettingsAsync("kiosk-1", 0, new Dictionary<string, string>(), Time.GetUtcNow(), Ct));
        Assert.True(await Store.Management.SaveDeviceSettingsAsync("kiosk-1", 1, new Dictionary<string, string> { ["mode"] = "checkpoint" }, Time.GetUtcNow(), Ct));
        Assert.False(await Store.Management.SaveDeviceSettingsAsync("kiosk-1", 1, Interval, Time.GetUtcNow(), Ct));

        var settings = await Store.Management.DeviceSettingsAsync("kiosk-1", Ct);
        Assert.Equal(2, settings.Version);
        Assert.Equal("checkpoint", Assert.Single(settings.Settings).Value);
    }

    [Fact]
    public async Task Desired_config_overlays_the_province_policy_and_locks_its_keys()
    {
        await Store.AddDeviceAsync(TestCheckIns.Device("kiosk-1"), Ct); // province HN
        await Store.AddDeviceAsync(TestCheckIns.Device("kiosk-2"), Ct);
        await Store.Management.SaveDeviceSettingsAsync("kiosk-1", 0, new Dictionary<string, string> { ["mode"] = "venue", ["heartbeatInterval"] = "30s" }, Time.GetUtcNow(), Ct);
        await Store.Management.SaveProvincePolicyAsync("HN", 0, new Dictionary<string, string> { ["mode"] = "checkpoint", ["policy.venue"] = "any" }, Time.GetUtcNow(), Ct);

        var rows = await Store.Management.DesiredConfigsAsync(null, Ct);

        Assert.Equal(["kiosk-1", "kiosk-2"], rows.Select(r => r.DeviceId).Order(StringComparer.Ordinal));
        var desired = rows.Single(r => r.DeviceId == "kiosk-1").ToDesired(Time.GetUtcNow());
        Assert.Equal((1L, 1L), (desired.DeviceVersion, desired.PolicyVersion));
        Assert.Equal("checkpoint", desired.Settings["mode"]); // the policy wins
        Assert.Equal("30s", desired.Settings["heartbeatInterval"]);
        Assert.Equal(["mode", "policy.venue"], desired.Locked);
        var other = rows.Single(r => r.DeviceId == "kiosk-2").ToDesired(Time.GetUtcNow());
        Assert.Equal((0L, 1L), (other.DeviceVersion, other.PolicyVersion));
        Assert.Single(await Store.Management.DesiredConfigsAsync("kiosk-2", Ct));
    }

    [Fact]
    public async Task A_revoked_device_gets_no_desired_config_and_no_commands()
    {
        await Store.AddDeviceAsync(TestCheckIns.Device("kiosk-1"), Ct);
        await Store.Management.SaveDeviceSettingsAsync("kiosk-1", 0, Interval, Time.GetUtcNow(), Ct);
        await Store.Management.AddCommandAsync("c1", "kiosk-1", CommandIssued.Reboot, Time.GetUtcNow(), Time.GetUtcNow().AddMinutes(5), Ct);

        await Store.RevokeDeviceAsync("kiosk-1", Time.GetUtcNow(), Ct);

        Assert.Empty(await Store.Management.DesiredConfigsAsync(null, Ct));
        Assert.Empty(await Store.Management.OpenCommandsAsync(Time.GetUtcNow(), Ct));
    }

    [Fact]
    public async Task Reported_config_keeps_the_latest()
    {
        await Store.AddDeviceAsync(TestCheckIns.Device("kiosk-1"), Ct);
        var first = new ConfigReported(1, 1, 0, Interval, [], new Dictionary<string, string>(), Time.GetUtcNow());
        await Store.Management.RecordReportedConfigAsync("kiosk-1", first, Time.GetUtcNow(), Ct);
        Time.Advance(TimeSpan.FromMinutes(1));
        var second = first with { DeviceVersion = 2, Rejected = [new ConfigRejection("x", "unknown setting")] };
        await Store.Management.RecordReportedConfigAsync("kiosk-1", second, Time.GetUtcNow(), Ct);

        var row = await Store.Management.ReportedConfigAsync("kiosk-1", Ct);

        Assert.NotNull(row);
        Assert.Equal(2, row.Reported.DeviceVersion);
        Assert.Equal("unknown setting", Assert.Single(row.Reported.Rejected).Reason);
        Assert.Equal(Time.GetUtcNow(), row.ReceivedAt);
        Assert.Null(await Store.Management.ReportedConfigAsync("kiosk-2", Ct));
    }

    [Fact]
    public async Task A_command_goes_pending_sent_answered_once_and_others_expire()
    {
        await Store.AddDeviceAsync(TestCheckIns.Device("kiosk-1"), Ct);
        await Store.AddDeviceAsync(TestCheckIns.Device("kiosk-2"), Ct);
        var now = Time.GetUtcNow();
        await Store.Management.AddCommandAsync("c1", "kiosk-1", CommandIssued.SelfTest, now, now.AddMinutes(5), Ct);
        await Store.Management.AddCommandAsync("c2", "kiosk-1", CommandIssued.Reboot, now, now.AddMinutes(1), Ct);

        var open = await Store.Management.OpenCommandsAsync(now, Ct);
        Assert.Equal(["c1", "c2"], open.Select(c => c.Id).Order(StringComparer.Ordinal));
        Assert.All(open, c => Assert.Equal((CommandRecord.Pending, "HN"), (c.State, c.Province)));

        await Store.Management.MarkCommandSentAsync("c1", now, Ct);
        var answer = new CommandCompleted(1, "c1", CommandIssued.SelfTest, CommandCompleted.Succeeded, "{\"passed\":true}", now);
        Assert.False(await Store.Management.CompleteCommandAsync("kiosk-2", answer, now, Ct)); // not its command
        Assert.True(await Store.Management.CompleteCommandAsync("kiosk-1", answer, now, Ct));
        Assert.False(await Store.Management.CompleteCommandAsync("kiosk-1", answer with { Status = CommandCompleted.Failed }, now, Ct));

        Time.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(1, await Store.Management.ExpireCommandsAsync(Time.GetUtcNow(), Ct));

        var commands = await Store.Management.DeviceCommandsAsync("kiosk-1", 10, Ct);
        Assert.Equal(CommandCompleted.Succeeded, commands.Single(c => c.Id == "c1").State);
        Assert.Equal("{\"passed\":true}", commands.Single(c => c.Id == "c1").Detail);
        Assert.Equal("expired", commands.Single(c => c.Id == "c2").State);
        Assert.Empty(await Store.Management.OpenCommandsAsync(Time.GetUtcNow(), Ct));
    }

    [Fact]
    public async Task Logs_are_kept_only_for_the_devices_own_upload_logs_command()
    {
        await Store.AddDeviceAsync(TestCheckIns.Device("kiosk-1"), Ct);
        var now = Time.GetUtcNow();
        await Store.Management.AddCommandAsync("c1", "kiosk-1", CommandIssued.UploadLogs, now, now.AddMinutes(5), Ct);
        await Store.Management.AddCommandAsync("c2", "kiosk-1", CommandIssued.Reboot, now, now.AddMinutes(5), Ct);

        Assert.True(await Store.Management.SaveCommandLogsAsync("kiosk-1", "c1", "line 1\nline 2", Ct));
        Assert.False(await Store.Management.SaveCommandLogsAsync("kiosk-2", "c1", "forged", Ct));
        Assert.False(await Store.Management.SaveCommandLogsAsync("kiosk-1", "c2", "not an upload", Ct));

        Assert.Equal("line 1\nline 2", await Store.Management.CommandLogsAsync("kiosk-1", "c1", Ct));
        Assert.True((await Store.Management.DeviceCommandsAsync("kiosk-1", 10, Ct)).Single(c => c.Id == "c1").HasLogs);
    }

    [Fact]
    public async Task Open_alerts_are_the_latest_change_per_kind_when_raised_and_repeats_are_ignored()
    {
        await Store.AddDeviceAsync(TestCheckIns.Device("kiosk-1"), Ct);
        var at = Time.GetUtcNow();
        await Store.Management.RecordAlertAsync("kiosk-1", new AlertChanged(1, 1, "DISK_LOW", AlertChanged.Raised, "9% free", at), at, Ct);
        await Store.Management.RecordAlertAsync("kiosk-1", new AlertChanged(1, 2, "CPU_HOT", AlertChanged.Raised, "85 C", at), at, Ct);
        await Store.Management.RecordAlertAsync("kiosk-1", new AlertChanged(1, 3, "DISK_LOW", AlertChanged.Cleared, "30% free", at), at, Ct);
        await Store.Management.RecordAlertAsync("kiosk-1", new AlertChanged(1, 3, "DISK_LOW", AlertChanged.Cleared, "30% free", at), at, Ct);

        var open = await Store.Management.OpenAlertsAsync(Ct);

        Assert.Equal(("kiosk-1", "CPU_HOT"), (Assert.Single(open).DeviceId, open[0].Kind));
        Assert.Equal([3L, 2L, 1L], (await Store.Management.DeviceAlertsAsync("kiosk-1", 10, Ct)).Select(a => a.Seq));
    }
}
