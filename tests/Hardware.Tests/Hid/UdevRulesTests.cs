using System.Text.RegularExpressions;
using ScanPoint.TestKit;

namespace ScanPoint.Hardware.Tests.Hid;

/// <summary>
/// A syntax check of <c>hardware/udev/99-scanpoint.rules</c> (the build machine has no udevadm): every rule is
/// comma-separated <c>KEY{attr}op"value"</c> pairs with known keys, and the imager vendors are all there.
/// </summary>
public sealed partial class UdevRulesTests
{
    private static readonly string RulesPath = Path.Combine(TestData.RepositoryRoot, "hardware", "udev", "99-scanpoint.rules");

    private static readonly HashSet<string> Keys =
        ["ACTION", "SUBSYSTEM", "KERNEL", "ENV", "ATTR", "ATTRS", "GROUP", "MODE", "SYMLINK", "GOTO", "LABEL"];

    [Fact]
    public void Rules_EveryLine_IsWellFormed()
    {
        foreach (var line in ActiveLines())
        {
            foreach (var pair in line.Split(", "))
            {
                var match = PairPattern().Match(pair);
                Assert.True(match.Success, $"not KEY op \"value\": {pair}");
                Assert.Contains(match.Groups["key"].Value, Keys);
                var assigns = match.Groups["op"].Value is "=" or "+=";
                var matches = match.Groups["op"].Value is "==" or "!=";
                Assert.True(assigns || matches, pair);
            }
        }
    }

    [Theory]
    [InlineData("0c2e")]
    [InlineData("05e0")]
    [InlineData("05f9")]
    [InlineData("1eab")]
    public void Rules_ImagerVendor_GetsGroupAndSymlink(string vendor)
    {
        var line = Assert.Single(ActiveLines(), l => l.Contains("SUBSYSTEM==\"input\"", StringComparison.Ordinal));

        Assert.Contains(vendor, line, StringComparison.Ordinal);
        Assert.Contains("GROUP=\"scanpoint\"", line, StringComparison.Ordinal);
        Assert.Contains("SYMLINK+=\"scanpoint/hid-", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Rules_SerialAndVideo_AreCovered()
    {
        var lines = ActiveLines();

        Assert.Contains(lines, l => l.Contains("ttyACM", StringComparison.Ordinal) && l.Contains("GROUP=\"scanpoint\"", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("video4linux", StringComparison.Ordinal) && l.Contains("GROUP=\"scanpoint\"", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("LABEL=\"scanpoint_end\"", StringComparison.Ordinal));
    }

    private static List<string> ActiveLines() =>
        [.. File.ReadAllLines(RulesPath).Where(l => l.Length > 0 && !l.StartsWith('#'))];

    [GeneratedRegex("""^(?<key>[A-Z_]+)(\{[A-Za-z_]+\})?(?<op>==|!=|\+=|=)"[^"]*"$""")]
    private static partial Regex PairPattern();
}
