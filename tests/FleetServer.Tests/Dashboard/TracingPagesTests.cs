using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Playwright;

namespace ScanPoint.FleetServer.Tests.Dashboard;

/// <summary>
/// The tracing, exposures and audit pages in headless Chromium: a tracer's person and site queries (visits with the
/// clear name, overlaps, CSV, validation), each audited as the API audits it and seen by an auditor on /audit; roles and
/// province scope; an exposure marked through the form; no rows when the audit log cannot be written. With
/// <c>SCANPOINT_SCREENSHOTS=DIR</c> it saves fleet-tracing.png and fleet-audit.png there.
/// </summary>
public sealed class TracingPagesTests(TracingPagesFleet fleet) : IClassFixture<TracingPagesFleet>
{
    [Fact]
    public async Task PersonQuery_ShowsVisitsWithNames_AndTheAuditorSeesItsEntry()
    {
        var tracer = await SignedInPageAsync("tracer", "/tracing");
        await tracer.FillAsync("#person-key", TracingPagesFleet.Alice);
        await tracer.ClickAsync("#person-submit");

        // Last 14 days, oldest first: the visits at dn-1 (3 days ago) and hn-1 (5 hours ago), not the one 20 days ago.
        var rows = tracer.Locator("#visits tbody tr");
        Assert.Equal(2, await rows.CountAsync());
        Assert.Equal("2", await tracer.InnerTextAsync("#visit-count"));
        Assert.Equal([TracingPagesFleet.AliceName, TracingPagesFleet.AliceName], await tracer.Locator("#visits td.name").AllInnerTextsAsync());
        Assert.Equal(["site-1", "DN", "dn-1"], (await rows.First.Locator("td").AllInnerTextsAsync()).Take(3));
        Assert.Equal(["site-1", "HN", "hn-1"], (await rows.Last.Locator("td").AllInnerTextsAsync()).Take(3));
        await ScreenshotAsync(tracer, "tracing");

        var csv = await tracer.Context.APIRequest.GetAsync(fleet.Url + await tracer.GetAttributeAsync("#csv", "href"));
        Assert.Equal(200, csv.Status);
        Assert.Contains(TracingPagesFleet.AliceName, await csv.TextAsync(), StringComparison.Ordinal);

        var auditor = await SignedInPageAsync("auditor", "/audit?user=tracer");
        var entries = auditor.Locator("#audit tbody tr");
        var actions = await auditor.Locator("#audit td.action").AllInnerTextsAsync();
        Assert.Equal("tracing.export", actions[0]); // newest first: the CSV came after the page's query
        var query = entries.Filter(new LocatorFilterOptions { HasText = "tracing.person" }).Filter(new LocatorFilterOptions { HasText = TracingPagesFleet.Alice });
        Assert.Equal(1, await query.CountAsync());
        Assert.Equal("tracer", await query.Locator("td.user").InnerTextAsync());
        Assert.Equal("2", await query.Locator("td.rows").InnerTextAsync());
        Assert.DoesNotContain(TracingPagesFleet.AliceName, await auditor.InnerTextAsync("#audit"), StringComparison.Ordinal);
        await ScreenshotAsync(auditor, "audit");

        await auditor.GotoAsync(fleet.Url + "/audit?user=nobody");
        Assert.Equal(0, await entries.CountAsync());
        Assert.Equal(400, (await auditor.GotoAsync(fleet.Url + "/audit?from=yesterday"))!.Status);
        Assert.Contains("from is not an ISO 8601 instant", await auditor.InnerTextAsync("#audit-error"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SiteQuery_ListsCheckInsAndWhoOverlapped()
    {
        var tracer = await SignedInPageAsync("tracer", "/tracing");
        await tracer.FillAsync("#site-site", "site-1");
        await tracer.FillAsync("#site-from", Instant(fleet.AliceAt.AddMinutes(-30)));
        await tracer.FillAsync("#site-to", Instant(fleet.AliceAt.AddMinutes(30)));
        await tracer.FillAsync("#site-key", TracingPagesFleet.Alice);
        await tracer.ClickAsync("#site-submit");

        Assert.Equal(2, await tracer.Locator("#checkins tbody tr").CountAsync());
        Assert.Equal("1", await tracer.InnerTextAsync("#overlap-people"));
        Assert.Equal(["Trần Văn Bình"], await tracer.Locator("#overlaps td.name").AllInnerTextsAsync());
        Assert.Contains("format=csv", await tracer.GetAttributeAsync("#csv", "href"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task BadInput_ShowsTheValidationMessageAndNoRows()
    {
        var tracer = await SignedInPageAsync("tracer", "/tracing");

        var response = await tracer.GotoAsync(fleet.Url + "/tracing?q=person&key=" + Uri.EscapeDataString("not a key!"));

        Assert.Equal(400, response!.Status);
        Assert.StartsWith("key is required", await tracer.InnerTextAsync("#tracing-error"), StringComparison.Ordinal);
        Assert.Equal(0, await tracer.Locator("#visits").CountAsync());
        await tracer.GotoAsync(fleet.Url + "/tracing?q=site&site=site-1&from=2025-01-01T00:00:00Z&to=2025-02-01T00:00:00Z");
        Assert.StartsWith("the window is at most 7 days", await tracer.InnerTextAsync("#tracing-error"), StringComparison.Ordinal);
        Assert.Equal(404, (await tracer.GotoAsync(fleet.Url + "/tracing?q=site&site=nowhere"))!.Status);
    }

    [Fact]
    public async Task RolesAndProvinces_OperatorRefused_OtherProvinceSeesNoRows()
    {
        var operatorPage = await SignedInPageAsync("operator", "/");
        Assert.Equal(403, (await operatorPage.GotoAsync(fleet.Url + "/tracing"))!.Status);
        Assert.Equal(403, (await operatorPage.GotoAsync(fleet.Url + "/audit"))!.Status);
        Assert.Equal(0, await operatorPage.Locator("header a[href='/tracing']").CountAsync());

        var tracer = await SignedInPageAsync("tracer-sg", "/tracing");
        Assert.Equal(1, await tracer.Locator("header a[href='/tracing']").CountAsync());
        Assert.Equal(0, await tracer.Locator("header a[href='/audit']").CountAsync());
        Assert.Equal(403, (await tracer.GotoAsync(fleet.Url + "/audit"))!.Status);
        await tracer.GotoAsync(fleet.Url + "/tracing?q=person&key=" + TracingPagesFleet.Alice);
        Assert.Equal("0", await tracer.InnerTextAsync("#visit-count"));
        Assert.Equal(0, await tracer.Locator("#visits tbody tr").CountAsync());
        Assert.Equal(403, (await tracer.GotoAsync(fleet.Url + "/tracing?q=site&site=site-1"))!.Status);

        var auditor = await SignedInPageAsync("auditor", "/audit?user=tracer-sg");
        Assert.Equal(1, await auditor.Locator("header a[href='/audit']").CountAsync());
        Assert.Equal(0, await auditor.Locator("header a[href='/tracing']").CountAsync());
        var entry = auditor.Locator("#audit tbody tr").Filter(new LocatorFilterOptions { HasText = "tracing.person" });
        Assert.Equal("0", await entry.Locator("td.rows").InnerTextAsync());
    }

    [Fact]
    public async Task Exposures_MarkThroughTheForm_ListsThePeopleAtRisk()
    {
        var tracer = await SignedInPageAsync("tracer", "/exposures");
        await tracer.FillAsync("#site", "site-1");
        await tracer.FillAsync("#from", Instant(fleet.AliceAt.AddMinutes(-5)));
        await tracer.FillAsync("#to", Instant(fleet.AliceAt.AddMinutes(20)));
        await tracer.FillAsync("#note", "ca dương tính");
        await tracer.ClickAsync("#mark-submit");

        var marked = await tracer.InnerTextAsync("#marked");
        var id = marked.Split('#')[1].Split(' ')[0];
        var row = tracer.Locator($"#exposures tr[data-exposure='{id}']");
        Assert.Equal("2", await row.Locator("td.people").InnerTextAsync());
        Assert.Equal(["Nguyễn Thị Ánh", "Trần Văn Bình"], await tracer.Locator($"table.risk[data-exposure='{id}'] tbody tr td:nth-child(2)").AllInnerTextsAsync());

        await tracer.FillAsync("#site", "site-1");
        await tracer.FillAsync("#from", "later");
        await tracer.FillAsync("#to", "sooner");
        await tracer.ClickAsync("#mark-submit");
        Assert.StartsWith("from is not an ISO 8601 instant", await tracer.InnerTextAsync("#exposures-error"), StringComparison.Ordinal);

        var forged = await tracer.Context.APIRequest.PostAsync(fleet.Url + "/exposures", new APIRequestContextOptions
        {
            Form = tracer.Context.APIRequest.CreateFormData().Set("site", "site-1").Set("from", Instant(fleet.AliceAt)).Set("to", Instant(fleet.AliceAt.AddHours(1))),
        });
        Assert.Equal(400, forged.Status); // no antiforgery token
        await tracer.GotoAsync(fleet.Url + "/exposures");
        Assert.Equal(1, await tracer.Locator("#exposures tbody tr").CountAsync());

        var auditor = await SignedInPageAsync("auditor", "/audit?user=tracer");
        Assert.Contains("tracing.exposure", await auditor.Locator("#audit td.action").AllInnerTextsAsync());
        Assert.Contains("tracing.risk", await auditor.Locator("#audit td.action").AllInnerTextsAsync());
    }

    [Fact]
    public async Task AuditLogUnwritable_NoRowsAndAnError()
    {
        var tracer = await SignedInPageAsync("tracer", "/tracing");
        Rename("audit_log", "audit_log_gone");
        try
        {
            var response = await tracer.GotoAsync(fleet.Url + "/tracing?q=person&key=" + TracingPagesFleet.Alice);

            Assert.Equal(503, response!.Status);
            Assert.Contains("audit log cannot be written", await tracer.InnerTextAsync("#tracing-error"), StringComparison.Ordinal);
            Assert.Equal(0, await tracer.Locator("#visits").CountAsync());
            Assert.DoesNotContain(TracingPagesFleet.AliceName, await tracer.ContentAsync(), StringComparison.Ordinal);
        }
        finally
        {
            Rename("audit_log_gone", "audit_log");
        }
    }

    private void Rename(string from, string to)
    {
        using var connection = new SqliteConnection($"Data Source={fleet.Inner.Fleet.DatabasePath};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"ALTER TABLE {from} RENAME TO {to}";
        command.ExecuteNonQuery();
    }

    private static string Instant(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy'-'MM'-'dd'T'HH':'mm':'ss'Z'", CultureInfo.InvariantCulture);

    private async Task<IPage> SignedInPageAsync(string name, string target)
    {
        var context = await fleet.Inner.Chromium.Browser.NewContextAsync(new BrowserNewContextOptions { Locale = "en-GB", ViewportSize = new ViewportSize { Width = 1400, Height = 900 } });
        var page = await context.NewPageAsync();
        await page.GotoAsync(fleet.Url + "/signin?ReturnUrl=" + Uri.EscapeDataString(target));
        await page.FillAsync("#name", name);
        await page.FillAsync("#password", TracingPagesFleet.Password);
        await page.ClickAsync("#signin-submit");
        Assert.Equal(fleet.Url + target, page.Url);
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
