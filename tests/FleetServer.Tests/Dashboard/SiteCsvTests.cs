using ScanPoint.FleetServer.Sites;

namespace ScanPoint.FleetServer.Tests.Dashboard;

public sealed class SiteCsvTests
{
    [Fact]
    public async Task ReadAsync_GoodFile_ReadsEverySite()
    {
        var (sites, error) = await ReadAsync(SiteCsv.Header + "\nsite-1,HN,Ba Dinh,Phường Ba Đình,21.034,105.814\n\nsite-2,HN,Cau Giay,Cầu Giấy,,\n");

        Assert.Null(error);
        Assert.Equal(
            [new SiteRecord("site-1", "HN", "Ba Dinh", "Phường Ba Đình", 21.034, 105.814), new SiteRecord("site-2", "HN", "Cau Giay", "Cầu Giấy", null, null)],
            sites);
    }

    [Theory]
    [InlineData("site,province,name\n", "line 1: the header")]
    [InlineData(SiteCsv.Header + "\nsite-1,HN,Ba Dinh,Ba Dinh,21.0\n", "line 2: expected 6 fields")]
    [InlineData(SiteCsv.Header + "\nsite 1,HN,Ba Dinh,Ba Dinh,,\n", "line 2: site and province")]
    [InlineData(SiteCsv.Header + "\nsite-1,HN,,Ba Dinh,,\n", "line 2: district and name")]
    [InlineData(SiteCsv.Header + "\nsite-1,HN,Ba Dinh,Ba Dinh,91,105\n", "line 2: lat and lon")]
    [InlineData(SiteCsv.Header + "\nsite-1,HN,Ba Dinh,Ba Dinh,21,\n", "line 2: lat and lon")]
    [InlineData(SiteCsv.Header + "\nsite-1,HN,Ba Dinh,Ba Dinh,,\nsite-1,HN,X,Y,,\n", "line 3: site 'site-1' of province 'HN' appears twice")]
    public async Task ReadAsync_BadFile_NamesTheLineAndReadsNothing(string text, string expected)
    {
        var (sites, error) = await ReadAsync(text);

        Assert.Empty(sites);
        Assert.StartsWith(expected, error);
    }

    [Fact]
    public async Task ReadAsync_OverlongLine_IsRefused()
    {
        var (_, error) = await ReadAsync(SiteCsv.Header + "\nsite-1,HN,Ba Dinh," + new string('x', SiteCsv.MaxLineLength) + ",,\n");

        Assert.StartsWith("line 2: longer than", error);
    }

    private static Task<(IReadOnlyList<SiteRecord> Sites, string? Error)> ReadAsync(string text) =>
        SiteCsv.ReadAsync(new StringReader(text), CancellationToken.None);
}
