using ScanPoint.FleetServer.Sites;

// The site registry's contract runs on both stores with the rest of the storage contract.
namespace ScanPoint.FleetServer.Tests.Storage;

public abstract partial class FleetStoreContractTests
{
    [Fact]
    public async Task Sites_UpsertAsync_AddsThenReplacesByProvinceAndSite()
    {
        await Store.Sites.UpsertAsync(
            [
                new SiteRecord("site-1", "HN", "Ba Dinh", "Phường Ba Đình", 21.034, 105.814),
                new SiteRecord("site-1", "DN", "Hai Chau", "Hải Châu", null, null),
                new SiteRecord("site-2", "HN", "Cau Giay", "Cầu Giấy", 21.03, 105.79),
            ],
            Ct);

        var count = await Store.Sites.UpsertAsync([new SiteRecord("site-1", "HN", "Hoan Kiem", "Hoàn Kiếm", null, null)], Ct);

        Assert.Equal(1, count);
        var all = await Store.Sites.ListAsync(null, Ct);
        Assert.Equal(
            [
                new SiteRecord("site-1", "DN", "Hai Chau", "Hải Châu", null, null),
                new SiteRecord("site-2", "HN", "Cau Giay", "Cầu Giấy", 21.03, 105.79),
                new SiteRecord("site-1", "HN", "Hoan Kiem", "Hoàn Kiếm", null, null),
            ],
            all);
        Assert.Equal(["site-2", "site-1"], (await Store.Sites.ListAsync("HN", Ct)).Select(s => s.SiteId));
        Assert.Empty(await Store.Sites.ListAsync("HP", Ct));
    }
}
