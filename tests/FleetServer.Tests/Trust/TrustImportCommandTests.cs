using Microsoft.Extensions.Configuration;
using ScanPoint.Credentials.Trust;
using ScanPoint.FleetServer.Trust;
using ScanPoint.TestKit;

namespace ScanPoint.FleetServer.Tests.Trust;

/// <summary><c>trust import</c>: only bundles signed by the anchor, and only newer ones, become current.</summary>
public sealed class TrustImportCommandTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 7, 0, 0, TimeSpan.Zero);
    private readonly TempDirectory _dir = new("trust-import");
    private readonly TrustAnchor _anchor = TrustAnchor.Create();

    public TrustImportCommandTests() => File.WriteAllText(_dir.File("anchor.pem"), _anchor.PublicKeyPem());

    private string TrustDir => _dir.File("trust");

    [Fact]
    public void Run_NewerBundlesSignedByTheAnchor_EachBecomesCurrentAndEveryVersionIsKept()
    {
        var v1 = TestTrustBundles.Sign(_anchor, 1, Now);
        var v2 = TestTrustBundles.Sign(_anchor, 2, Now);

        Assert.Equal(0, Import(v1));
        Assert.Equal(0, Import(v2));

        Assert.Equal(v2, File.ReadAllBytes(Path.Combine(TrustDir, TrustFolder.CurrentFileName)));
        Assert.Equal(v1, File.ReadAllBytes(Path.Combine(TrustDir, "trust-bundle-v1.cose")));
        Assert.Equal(v2, File.ReadAllBytes(Path.Combine(TrustDir, "trust-bundle-v2.cose")));
    }

    [Fact]
    public void Run_BundleSignedByAnotherKey_RefusedAndNothingStored()
    {
        using var forger = TrustAnchor.Create();

        Assert.Equal(1, Import(TestTrustBundles.Sign(forger, 7, Now)));

        Assert.False(File.Exists(Path.Combine(TrustDir, TrustFolder.CurrentFileName)));
    }

    [Fact]
    public void Run_UnsignedFile_Refused() =>
        Assert.Equal(1, Import("{\"format\":\"scanpoint-trust/1\",\"version\":9}"u8.ToArray()));

    [Fact]
    public void Run_VersionNotNewerThanCurrent_RefusedAndCurrentKept()
    {
        var v2 = TestTrustBundles.Sign(_anchor, 2, Now);
        Assert.Equal(0, Import(v2));

        Assert.Equal(1, Import(TestTrustBundles.Sign(_anchor, 2, Now.AddHours(1))));
        Assert.Equal(1, Import(TestTrustBundles.Sign(_anchor, 1, Now.AddHours(1))));

        Assert.Equal(v2, File.ReadAllBytes(Path.Combine(TrustDir, TrustFolder.CurrentFileName)));
    }

    [Fact]
    public void Run_NoAnchorConfigured_Refused()
    {
        File.WriteAllBytes(_dir.File("b.cose"), TestTrustBundles.Sign(_anchor, 1, Now));
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Trust:Dir"] = TrustDir }).Build();

        Assert.Equal(1, TrustImportCommand.Run(["import", "--bundle", _dir.File("b.cose")], configuration));
    }

    public void Dispose()
    {
        _anchor.Dispose();
        _dir.Dispose();
    }

    private int Import(byte[] bundle)
    {
        var path = _dir.File($"import-{Guid.NewGuid():N}.cose");
        File.WriteAllBytes(path, bundle);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Trust:Dir"] = TrustDir,
            ["Trust:Anchor"] = _dir.File("anchor.pem"),
        }).Build();
        return TrustImportCommand.Run(["import", "--bundle", path], configuration);
    }
}
