using ScanPoint.Credentials.Dcc;
using ScanPoint.Credentials.Dcc.Revocation;

namespace ScanPoint.Credentials.Tests.Revocation;

public sealed class RevocationHashTests
{
    public static TheoryData<string, string, string, string, string> Vectors() => RevocationVectors.All();

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Compute_UpstreamVector_MatchesAllThreeHashes(string description, string qr, string uci, string countryUci, string signature)
    {
        var (envelope, claims) = DccVerifier.Decode(qr);
        Assert.NotNull(envelope);
        Assert.True(claims.IsSuccess, description);

        Assert.Equal([uci], Hex(RevocationHashType.Uci, envelope, claims.Value!));
        Assert.Equal([countryUci], Hex(RevocationHashType.CountryCodeUci, envelope, claims.Value!));
        Assert.Equal([signature], Hex(RevocationHashType.Signature, envelope, claims.Value!));
    }

    [Fact]
    public void Vectors_CoverBothAlgorithms()
    {
        var algorithms = RevocationVectors.All().Select(row => DccVerifier.Decode((string)row[1]).Envelope!.Algorithm).ToHashSet();

        Assert.Equal([CoseEnvelope.Es256, CoseEnvelope.Ps256], algorithms.Order().Reverse());
    }

    [Fact]
    public void ToKey_ShortHash_IsNull()
    {
        Assert.Null(RevocationHash.ToKey(new byte[15]));
        Assert.Equal(UInt128.One, RevocationHash.ToKey([.. new byte[15], 1, 0xFF]));
    }

    private static string[] Hex(RevocationHashType type, CoseEnvelope envelope, DccClaims claims) =>
        RevocationHash.Compute(type, envelope, claims).Select(RevocationHash.ToHex).ToArray();
}
