using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using ScanPoint.FleetServer.Dashboard;

namespace ScanPoint.FleetServer.Tests.Dashboard;

public sealed partial class TextTests
{
    [Fact]
    public void Table_EveryKeyUsedByThePages_HasBothLanguages()
    {
        var pages = Path.Combine(RepositoryRoot(), "fleet-server", "Dashboard");
        var used = Directory.EnumerateFiles(pages, "*.cshtml", SearchOption.AllDirectories)
            .Concat(Directory.EnumerateFiles(pages, "DashboardNav.cs"))
            .SelectMany(f => UsedKey().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value))
            .Distinct()
            .ToList();

        Assert.True(used.Count > 50, $"only {used.Count} keys found: is the pattern still right?");
        Assert.All(used, key => Assert.True(Text.Table.ContainsKey(key), $"'{key}' is used but not in Text.Table"));
        string[] computed = [.. ScanPoint.FleetServer.Health.DeviceStates.All.Select(s => "state." + s), .. new[] { EnrolmentCodeView.Open, EnrolmentCodeView.Used, EnrolmentCodeView.Expired, EnrolmentCodeView.Burnt }.Select(s => "status." + s), "signin.wrong", "signin.locked", "signin.missing", "enrolment.bad"];
        Assert.All(computed, key => Assert.True(Text.Table.ContainsKey(key), $"'{key}' is computed by a page but not in Text.Table"));
        Assert.All(Text.Table, kv => Assert.False(string.IsNullOrWhiteSpace(kv.Value.Vi) || string.IsNullOrWhiteSpace(kv.Value.En), kv.Key));
    }

    [Fact]
    public void Indexer_ChosenLanguage_GivesItsWords()
    {
        Assert.Equal("Đăng nhập", new Text("vi")["signin"]);
        Assert.Equal("Sign in", new Text("en")["signin"]);
        Assert.Equal("12,5 %", new Text("vi").Percent(0.125));
        Assert.Equal("12.5 %", new Text("en").Percent(0.125));
    }

    [GeneratedRegex("""(?:T\[|new\([^,]+, )"([a-z0-9][a-z0-9.\-]*)"[\],]""")]
    private static partial Regex UsedKey();

    private static string RepositoryRoot([CallerFilePath] string file = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(file)!, "..", "..", ".."));
}
