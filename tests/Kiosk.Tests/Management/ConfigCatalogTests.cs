using ScanPoint.Kiosk.Management;

namespace ScanPoint.Kiosk.Tests.Management;

/// <summary>The catalog's validators and duration syntax.</summary>
public sealed class ConfigCatalogTests
{
    [Theory]
    [InlineData("00:01:00", 60)]
    [InlineData("60s", 60)]
    [InlineData("5m", 300)]
    [InlineData("1h", 3600)]
    [InlineData("1500ms", 1.5)]
    public void TryParseDuration_BothSyntaxes_Parse(string text, double seconds)
    {
        Assert.True(ConfigCatalog.TryParseDuration(text, out var duration));
        Assert.Equal(TimeSpan.FromSeconds(seconds), duration);
    }

    [Theory]
    [InlineData("heartbeatInterval", "9s", "must be between")]
    [InlineData("heartbeatInterval", "2h", "must be between")]
    [InlineData("heartbeatInterval", "soon", "not a duration")]
    [InlineData("mode", "airport", "venue or checkpoint")]
    [InlineData("alerts.diskFreeMinPercent", "120", "must be between")]
    [InlineData("colour", "red", "unknown setting")]
    [InlineData("policy.x", "a\nb", "printable")]
    public void Validate_BadValue_SaysWhy(string key, string value, string why)
    {
        Assert.Contains(why, ConfigCatalog.Validate(key, value), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("heartbeatInterval", "10s")]
    [InlineData("mode", "checkpoint")]
    [InlineData("alerts.cpuTemperatureMaxC", "75.5")]
    [InlineData("policy.entry.rule", "any text")]
    public void Validate_GoodValue_Null(string key, string value)
    {
        Assert.Null(ConfigCatalog.Validate(key, value));
    }
}
