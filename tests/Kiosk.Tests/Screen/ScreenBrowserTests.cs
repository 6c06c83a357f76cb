using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Playwright;
using ScanPoint.Kiosk.Health;
using ScanPoint.Kiosk.Management;
using ScanPoint.Kiosk.Outbox;
using ScanPoint.Kiosk.Screen;
using ScanPoint.Kiosk.Verification;
using ScanPoint.TestKit;

namespace ScanPoint.Kiosk.Tests.Screen;

/// <summary>
/// The kiosk page in headless Chromium (Debian's, through Playwright): each verdict shows its colour, icon and reason
/// in both languages, the masked name only briefly, and the offline/queue and trust indicators. With
/// <c>SCANPOINT_SCREENSHOTS=DIR</c> it saves a screenshot of each state there (docs/screens is made this way).
/// </summary>
public sealed class ScreenBrowserTests(ChromiumFixture browser) : IAsyncLifetime, IClassFixture<ChromiumFixture>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);
    private readonly TempDirectory _dir = new("screen");
    private readonly FleetLink _link = new();
    private volatile bool _connected;
    private readonly FakeTimeProvider _holds = new(DateTimeOffset.UtcNow);
    private readonly int _port = FreePort.Next();
    private LiteDbCheckInOutbox _outbox = null!;
    private VerdictFeed _feed = null!;
    private ScreenServer _server = null!;
    private IPage _page = null!;

    public async Task InitializeAsync()
    {
        var options = Options.Create(new ScreenOptions { Port = _port, VerdictHold = TimeSpan.FromSeconds(6), PersonalHold = TimeSpan.FromSeconds(3) });
        var kiosk = Options.Create(new KioskOptions { DataDir = _dir.Path });
        _outbox = new LiteDbCheckInOutbox(new FileOutboxStorage(_dir.Path), "kiosk-1", "site-1", TimeProvider.System, NullLogger<LiteDbCheckInOutbox>.Instance);
        _feed = new VerdictFeed(options, _holds);
        var status = new ScreenStatusSource(_link, _outbox, new KioskTrust(kiosk, NullLogger<KioskTrust>.Instance), new ServerClock(TimeProvider.System), options, TimeProvider.System);
        _server = new ScreenServer(_feed, status, options, TimeProvider.System, NullLogger<ScreenServer>.Instance);
        await _server.StartAsync(CancellationToken.None);
        await Eventually.TrueAsync(() => _server.Port is not null, Timeout, "the screen to listen");
        _page = await browser.Chromium.NewPageAsync();
        await _page.GotoAsync($"http://127.0.0.1:{_port}/");
    }

    public async Task DisposeAsync()
    {
        await _page.CloseAsync();
        await _server.StopAsync(CancellationToken.None);
        _server.Dispose();
        _feed.Dispose();
        _outbox.Dispose();
        _dir.Dispose();
    }

    [Theory]
    [InlineData("accepted", "accepted", "✓", "Hợp lệ — mời vào", "Valid — please go ahead")]
    [InlineData("rejected:EXP", "rejected", "✗", "Giấy chứng nhận đã hết hạn", "The certificate has expired")]
    [InlineData("unverifiable:KID", "unverifiable", "?", "Không nhận ra cơ quan cấp", "The issuer is not recognised")]
    [InlineData("unverifiable:CLOCK", "unverifiable", "?", "Đồng hồ thiết bị không tin cậy", "The kiosk's clock cannot be trusted")]
    [InlineData("unverified", "unverified", "i", "Đã ghi nhận — danh tính chưa xác minh", "Recorded — identity not verified")]
    [InlineData("checked-out", "checked-out", "↪", "Đã ghi nhận ra về — tạm biệt", "Checked out — goodbye")]
    public async Task A_verdict_shows_its_colour_icon_and_reason_in_both_languages(string verdict, string kind, string icon, string vi, string en)
    {
        _feed.Show(verdict, "NGUYEN VAN AN", "1990-05-01");

        await Assertions.Expect(_page.Locator("body")).ToHaveAttributeAsync("data-kind", kind);
        await Assertions.Expect(_page.Locator("#icon")).ToHaveTextAsync(icon);
        await Assertions.Expect(_page.Locator("#vi")).ToHaveTextAsync(vi);
        await Assertions.Expect(_page.Locator("#en")).ToHaveTextAsync(en);
        await Assertions.Expect(_page.Locator("#person")).ToHaveTextAsync("N**** V** A* · 1990");
        await Assertions.Expect(_page.Locator("#link")).ToContainTextAsync("Offline — 0 check-ins buffered");
        await Assertions.Expect(_page.Locator("#trust")).ToContainTextAsync("No verification data");
        await ScreenshotAsync(verdict.Replace(':', '-'));
    }

    [Fact]
    public async Task Personal_data_goes_first_then_the_verdict_and_the_page_returns_to_idle()
    {
        _feed.Show("accepted", "TRAN THI BICH", "1985-12-31");
        await Assertions.Expect(_page.Locator("#person")).ToHaveTextAsync("T*** T** B*** · 1985");

        _holds.Advance(TimeSpan.FromSeconds(3));
        await Assertions.Expect(_page.Locator("#person")).ToHaveTextAsync("");
        await Assertions.Expect(_page.Locator("body")).ToHaveAttributeAsync("data-kind", "accepted");

        _holds.Advance(TimeSpan.FromSeconds(3));
        await Assertions.Expect(_page.Locator("body")).ToHaveAttributeAsync("data-kind", "idle");
        await Assertions.Expect(_page.Locator("#vi")).ToHaveTextAsync("Vui lòng quét mã QR");
        await ScreenshotAsync("idle");
    }

    [Fact]
    public async Task A_checkpoint_waiting_for_more_codes_says_what_to_scan_next()
    {
        _feed.Show("pending", "NGUYEN VAN AN", "1990-05-01", ["movement"]);

        await Assertions.Expect(_page.Locator("body")).ToHaveAttributeAsync("data-kind", "pending");
        await Assertions.Expect(_page.Locator("#icon")).ToHaveTextAsync("…");
        await Assertions.Expect(_page.Locator("#vi")).ToHaveTextAsync("Mời quét tiếp: tờ khai di chuyển");
        await Assertions.Expect(_page.Locator("#en")).ToHaveTextAsync("Scan next: movement declaration");
        await ScreenshotAsync("pending");
    }

    [Fact]
    public async Task The_status_line_shows_online_and_the_queue()
    {
        _link.Attach((_, _, _) => Task.FromResult(true), () => _connected);
        _connected = true;
        await Assertions.Expect(_page.Locator("#link")).ToHaveTextAsync("Trực tuyến · Online");

        _connected = false;
        await Assertions.Expect(_page.Locator("#link")).ToContainTextAsync("Ngoại tuyến");
    }

    private async Task ScreenshotAsync(string name)
    {
        if (Environment.GetEnvironmentVariable("SCANPOINT_SCREENSHOTS") is { Length: > 0 } dir)
        {
            Directory.CreateDirectory(dir);
            await _page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(dir, $"kiosk-{name}.png") });
        }
    }
}
