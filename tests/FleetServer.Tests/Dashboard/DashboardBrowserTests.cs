using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using ScanPoint.FleetServer.Health;

namespace ScanPoint.FleetServer.Tests.Dashboard;

/// <summary>
/// The dashboard in headless Chromium against a running fleet: sign-in, the overview's numbers against the JSON API,
/// drill-down, device pages, enrolment codes with their QR, language, province scoping, antiforgery and headers. With
/// <c>SCANPOINT_SCREENSHOTS=DIR</c> it saves screenshots of the main pages there (docs/screens is made this way).
/// </summary>
public sealed class DashboardBrowserTests(DashboardFleet fleet) : IClassFixture<DashboardFleet>
{
    [Fact]
    public async Task Overview_NotSignedIn_RedirectsToSignInAndAWrongPasswordIsTold()
    {
        var page = await NewPageAsync("en-GB");

        await page.GotoAsync(fleet.Url + "/devices");
        Assert.StartsWith(fleet.Url + "/signin?ReturnUrl=%2Fdevices", page.Url);

        await page.FillAsync("#name", "admin");
        await page.FillAsync("#password", "not-the-password");
        await page.ClickAsync("#signin-submit");
        Assert.Equal("Unknown user or wrong password.", await page.InnerTextAsync("#signin-error"));

        await page.FillAsync("#password", DashboardFleet.AdminPassword);
        await page.ClickAsync("#signin-submit");
        Assert.Equal(fleet.Url + "/devices", page.Url);
        Assert.Equal(6, await page.Locator("#devices tbody tr").CountAsync());

        await page.ClickAsync("#signout");
        await page.GotoAsync(fleet.Url + "/");
        Assert.StartsWith(fleet.Url + "/signin", page.Url);
    }

    [Fact]
    public async Task Overview_SignedIn_NumbersEqualTheJsonApi()
    {
        var page = await SignedInPageAsync("admin", DashboardFleet.AdminPassword);
        var provinces = await fleet.GetFromJsonAsync("/api/provinces");

        await page.GotoAsync(fleet.Url + "/");

        Assert.Equal(2, provinces.GetArrayLength());
        foreach (var p in provinces.EnumerateArray())
        {
            var key = p.GetProperty("province").GetString()!;
            Assert.Equal(p.GetProperty("registered").GetInt32(), await CellAsync(page, key, "registered"));
            Assert.Equal(p.GetProperty("activeInWindow").GetInt32(), await CellAsync(page, key, "active"));
            Assert.Equal(p.GetProperty("activeRatio").GetDouble(), double.Parse(await page.GetAttributeAsync($"tr[data-key='{key}'] td[data-col='ratio']", "data-value") ?? "", CultureInfo.InvariantCulture));
            foreach (var state in DeviceStates.All)
            {
                Assert.Equal(p.GetProperty("states").GetProperty(state).GetInt32(), await CellAsync(page, key, state));
            }
        }

        // What the seed makes, so that equal numbers are also right ones.
        Assert.Equal((4, 1, 1, 1, 1, 1), (await CellAsync(page, "HN", "registered"), await CellAsync(page, "HN", "active"), await CellAsync(page, "HN", "trust"), await CellAsync(page, "HN", "skew"), await CellAsync(page, "HN", "never-active"), await CellAsync(page, "HN", "offline")));
        Assert.Equal((2, 0), (await CellAsync(page, "DN", "registered"), await CellAsync(page, "DN", "active")));

        await page.ClickAsync("tr[data-key='HN'] a");
        Assert.Equal("district", await page.GetAttributeAsync("#overview", "data-level"));
        var districts = await fleet.GetFromJsonAsync("/api/overview?province=HN");
        var rows = districts.GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal(["Ba Dinh", "Cau Giay", "—"], rows.Select(r => r.GetProperty("key").GetString()));
        foreach (var r in rows)
        {
            var key = r.GetProperty("key").GetString()!;
            Assert.Equal(r.GetProperty("registered").GetInt32(), await CellAsync(page, key, "registered"));
            Assert.Equal(r.GetProperty("trustStale").GetInt32(), await CellAsync(page, key, "trust"));
            Assert.Equal(r.GetProperty("clockSkewed").GetInt32(), await CellAsync(page, key, "skew"));
            Assert.Equal(r.GetProperty("alerts").GetInt32(), await CellAsync(page, key, "alerts"));
        }

        await page.ClickAsync("tr[data-key='Ba Dinh'] a");
        Assert.Equal("site", await page.GetAttributeAsync("#overview", "data-level"));
        await page.ClickAsync("tr[data-key='site-1'] a");
        Assert.Equal(["hn-1", "hn-2"], await page.Locator("#devices tbody tr").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.device)"));
    }

    [Fact]
    public async Task DevicePage_ShowsHistoryChartsAndState()
    {
        var page = await SignedInPageAsync("admin", DashboardFleet.AdminPassword);

        var response = await page.GotoAsync(fleet.Url + "/devices/hn-1?hours=2");

        Assert.Equal(200, response!.Status);
        Assert.Equal(13, await page.Locator("#heartbeats tbody tr").CountAsync());
        foreach (var chart in new[] { "#chart-cpu", "#chart-outbox", "#chart-clock" })
        {
            Assert.Equal(1, await page.Locator(chart + " polyline").CountAsync());
        }

        Assert.Equal(30, await page.Locator("#chart-scans rect").CountAsync());
        var devices = await fleet.GetFromJsonAsync("/api/devices");
        var state = devices.EnumerateArray().Single(d => d.GetProperty("deviceId").GetString() == "hn-1").GetProperty("state").GetString();
        Assert.Equal(await page.GetAttributeAsync("#device-state", "class"), "state state-" + state);
        Assert.Equal(404, (await page.GotoAsync(fleet.Url + "/devices/nobody"))!.Status);
        Assert.Equal("No such device: nobody", await page.InnerTextAsync("#device-missing"));
    }

    [Fact]
    public async Task Enrolment_CreateCode_ShowsItsQrAndListsIt()
    {
        var page = await SignedInPageAsync("admin", DashboardFleet.AdminPassword);
        await page.GotoAsync(fleet.Url + "/enrolment");

        await page.FillAsync("#province", "HN");
        await page.FillAsync("#site", "site-3");
        await page.ClickAsync("#create-code");

        var code = await page.InnerTextAsync("#new-code-id");
        Assert.True(await page.Locator("#new-code-qr svg").IsVisibleAsync());
        Assert.True(await page.Locator("#new-code-qr svg rect, #new-code-qr svg path").CountAsync() > 0);
        Assert.Contains(code, await page.InnerTextAsync("#new-code-ticket"));
        Assert.Equal(1, await page.Locator($"#codes tr[data-code='{code}']").CountAsync());
        var listed = (await fleet.GetFromJsonAsync("/api/enrolment-codes")).EnumerateArray().Single(c => c.GetProperty("codeId").GetString() == code);
        Assert.Equal(("HN", "site-3", "open"), (listed.GetProperty("province").GetString(), listed.GetProperty("siteId").GetString(), listed.GetProperty("status").GetString()));
        Assert.False(listed.TryGetProperty("secretHash", out _));
    }

    [Fact]
    public async Task Language_VietnameseFirst_SwitchesToEnglishAndRemembersIt()
    {
        var page = await NewPageAsync("fr-FR");
        await page.GotoAsync(fleet.Url + "/signin");
        Assert.Equal("Đăng nhập", await page.InnerTextAsync("h1"));
        Assert.Equal("vi", await page.GetAttributeAsync("html", "lang"));

        await page.ClickAsync("#lang-switch");
        Assert.Equal("Sign in", await page.InnerTextAsync("h1"));
        await page.ReloadAsync();
        Assert.Equal("en", await page.GetAttributeAsync("html", "lang"));

        var english = await NewPageAsync("en-US");
        await english.GotoAsync(fleet.Url + "/signin");
        Assert.Equal("Sign in", await english.InnerTextAsync("h1"));
    }

    [Fact]
    public async Task ProvinceUser_SeesOnlyTheirProvince()
    {
        var page = await SignedInPageAsync("hanoi", DashboardFleet.HanoiPassword);

        await page.GotoAsync(fleet.Url + "/");
        Assert.Equal("district", await page.GetAttributeAsync("#overview", "data-level"));
        Assert.Equal(4, await CellAsync(page, "*", "registered"));
        await page.GotoAsync(fleet.Url + "/devices");
        Assert.Equal(["hn-1", "hn-2", "hn-3", "hn-4"], await page.Locator("#devices tbody tr").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.device)"));
        Assert.Equal(403, (await page.GotoAsync(fleet.Url + "/?province=DN"))!.Status);
        Assert.Equal(403, (await page.GotoAsync(fleet.Url + "/devices/dn-1"))!.Status);
        await page.GotoAsync(fleet.Url + "/enrolment");
        Assert.Equal("HN", await page.InputValueAsync("#province"));

        Assert.Equal(HttpStatusCode.Forbidden, (await fleet.GetAsync("/api/overview?province=DN", "hanoi", DashboardFleet.HanoiPassword)).StatusCode);
        var sites = await (await fleet.GetAsync("/api/sites", "hanoi", DashboardFleet.HanoiPassword)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(["HN", "HN"], sites.EnumerateArray().Select(s => s.GetProperty("province").GetString()));
        var search = await (await fleet.GetAsync("/api/device-search", "hanoi", DashboardFleet.HanoiPassword)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(4, search.GetProperty("matching").GetInt32());
    }

    [Fact]
    public async Task Post_WithoutAntiforgeryToken_IsRefused()
    {
        var page = await SignedInPageAsync("admin", DashboardFleet.AdminPassword);
        var before = (await fleet.GetFromJsonAsync("/api/enrolment-codes")).GetArrayLength();

        var response = await page.Context.APIRequest.PostAsync(fleet.Url + "/enrolment", new APIRequestContextOptions
        {
            Form = page.Context.APIRequest.CreateFormData().Set("province", "HN").Set("site", "site-x"),
        });

        Assert.Equal(400, response.Status);
        Assert.Equal(before, (await fleet.GetFromJsonAsync("/api/enrolment-codes")).GetArrayLength());
    }

    [Fact]
    public async Task SecurityHeaders_OnPagesAndApi()
    {
        foreach (var response in new[] { await fleet.Http.GetAsync(new Uri(fleet.Url + "/signin")), await fleet.GetAsync("/api/overview") })
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
            Assert.Contains("default-src 'self'", csp);
            Assert.Contains("frame-ancestors 'none'", csp);
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
            Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
            Assert.NotEmpty(response.Headers.GetValues("Permissions-Policy"));
            Assert.True(response.Headers.CacheControl?.NoStore);
        }
    }

    [Fact]
    public async Task MainPages_RenderWithoutBrowserErrors()
    {
        var page = await SignedInPageAsync("admin", DashboardFleet.AdminPassword);
        var errors = new List<string>();
        page.Console += (_, m) =>
        {
            if (m.Type == "error")
            {
                errors.Add(m.Text);
            }
        };

        foreach (var (name, path) in new[] { ("overview", "/"), ("province", "/?province=HN"), ("devices", "/devices"), ("device", "/devices/hn-1?hours=2"), ("enrolment", "/enrolment"), ("map", "/map"), ("relay", "/relay"), ("alerts", "/alerts") })
        {
            var response = await page.GotoAsync(fleet.Url + path);
            Assert.Equal(200, response!.Status);
            if (name == "enrolment")
            {
                await page.FillAsync("#province", "HN");
                await page.FillAsync("#site", "site-2");
                await page.ClickAsync("#create-code");
                Assert.True(await page.Locator("#new-code-qr svg").IsVisibleAsync());
            }

            await ScreenshotAsync(page, name);
        }

        Assert.Equal(["hn-2"], await page.Locator("#alert-devices tbody tr").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.device)")); // clock and trust
        Assert.Empty(errors); // a CSP violation shows here
        var signIn = await NewPageAsync("vi-VN");
        await signIn.GotoAsync(fleet.Url + "/signin");
        await ScreenshotAsync(signIn, "signin");
    }

    private static async Task<int> CellAsync(IPage page, string key, string column) =>
        int.Parse(await page.InnerTextAsync($"#overview tr[data-key='{key}'] td[data-col='{column}']"), CultureInfo.InvariantCulture);

    private async Task<IPage> NewPageAsync(string locale)
    {
        var context = await fleet.Chromium.Browser.NewContextAsync(new BrowserNewContextOptions { Locale = locale, ViewportSize = new ViewportSize { Width = 1400, Height = 900 } });
        return await context.NewPageAsync();
    }

    private async Task<IPage> SignedInPageAsync(string name, string password)
    {
        var page = await NewPageAsync("en-GB");
        await page.GotoAsync(fleet.Url + "/signin");
        await page.FillAsync("#name", name);
        await page.FillAsync("#password", password);
        await page.ClickAsync("#signin-submit");
        Assert.Equal(fleet.Url + "/", page.Url);
        return page;
    }

    private static async Task ScreenshotAsync(IPage page, string name)
    {
        if (Environment.GetEnvironmentVariable("SCANPOINT_SCREENSHOTS") is { Length: > 0 } dir)
        {
            Directory.CreateDirectory(dir);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(dir, $"fleet-{name}.png"), FullPage = true });
        }
    }
}
