using ScanPoint.TestKit;

namespace ScanPoint.Kiosk.Tests.Screen;

/// <summary>One headless Chromium for a test class (starting one takes a second or two).</summary>
public sealed class ChromiumFixture : IAsyncLifetime
{
    public HeadlessChromium Chromium { get; private set; } = null!;

    public async Task InitializeAsync() => Chromium = await HeadlessChromium.LaunchAsync();

    public async Task DisposeAsync() => await Chromium.DisposeAsync();
}
