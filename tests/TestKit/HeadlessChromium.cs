using Microsoft.Playwright;

namespace ScanPoint.TestKit;

/// <summary>
/// Debian's chromium (<c>/usr/bin/chromium</c>, installed by <c>deploy/dev/packages.sh</c>) driven by Playwright through
/// its executable path: Playwright's own browser downloads do not work here. Headless, without the sandbox when root.
/// </summary>
public sealed class HeadlessChromium : IAsyncDisposable
{
    public const string ExecutablePath = "/usr/bin/chromium";

    private readonly IPlaywright _playwright;

    private HeadlessChromium(IPlaywright playwright, IBrowser browser) => (_playwright, Browser) = (playwright, browser);

    public IBrowser Browser { get; }

    public static async Task<HeadlessChromium> LaunchAsync()
    {
        if (!File.Exists(ExecutablePath))
        {
            throw new InvalidOperationException($"{ExecutablePath} is missing: run deploy/dev/packages.sh (apt package chromium)");
        }

        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
        });
        return new HeadlessChromium(playwright, browser);
    }

    /// <summary>A page of a kiosk-sized screen (1280x800).</summary>
    public async Task<IPage> NewPageAsync() =>
        await Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 800 } });

    public async ValueTask DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright.Dispose();
    }
}
