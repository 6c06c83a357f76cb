using ScanPoint.Contracts.Devices;

namespace ScanPoint.Contracts.Tests;

public class DeviceCredentialTests
{
    [Fact]
    public void TryParse_CreatedCredential_RoundTrips()
    {
        var credential = DeviceCredential.Create("kiosk-1", "HN", "site_9");

        Assert.True(DeviceCredential.TryParse(credential.ToString(), out var parsed));
        Assert.Equal(credential, parsed);
    }

    [Fact]
    public void Create_TwoDevices_DifferentSecrets() =>
        Assert.NotEqual(DeviceCredential.Create("a", "HN", "s").Secret, DeviceCredential.Create("a", "HN", "s").Secret);

    [Theory]
    [InlineData("")]
    [InlineData("spdev1.kiosk.HN.site")]
    [InlineData("spdev2.kiosk.HN.site.0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("spdev1.kiosk.HN.site.00")]
    [InlineData("spdev1.kio sk.HN.site.0000000000000000000000000000000000000000000000000000000000000000")]
    public void TryParse_Malformed_False(string text) => Assert.False(DeviceCredential.TryParse(text, out _));

    [Fact]
    public void Matches_OnlyTheRightSecret()
    {
        var credential = DeviceCredential.Create("kiosk-1", "HN", "s");
        var stored = DeviceCredential.HashSecret(credential.Secret);

        Assert.True(DeviceCredential.Matches(credential.Secret, stored));
        Assert.False(DeviceCredential.Matches(credential.Secret + "0", stored));
        Assert.DoesNotContain(credential.Secret, stored, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_BadName_Throws() => Assert.Throws<ArgumentException>(() => DeviceCredential.Create("a/b", "HN", "s"));

    [Theory]
    [InlineData("bcast")]
    [InlineData("fleet-server")]
    [InlineData("a/b")]
    [InlineData("#")]
    [InlineData("")]
    public void Reserved_and_topic_breaking_names_are_not_names(string name)
    {
        Assert.False(DeviceCredential.IsName(name));
    }
}
