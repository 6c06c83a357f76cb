using ScanPoint.Credentials.Dcc;
using ScanPoint.Credentials.Dcc.Revocation;
using ScanPoint.Credentials.Tests.Dcc;
using ScanPoint.Credentials.Trust;
using ScanPoint.Credentials.Verdicts;

namespace ScanPoint.Credentials.Tests.Revocation;

public sealed class RevocationCheckTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 8, 0, 0, TimeSpan.Zero);

    public static TheoryData<string, string, string, string, string> Vectors() => RevocationVectors.All();

    [Theory]
    [MemberData(nameof(Vectors))]
    public void IsRevoked_VectorListedByAnyHashType_IsTrue(string description, string qr, string uci, string countryUci, string signature)
    {
        var (envelope, claims) = DccVerifier.Decode(qr);
        var types = new[] { (RevocationHashType.Uci, uci), (RevocationHashType.CountryCodeUci, countryUci), (RevocationHashType.Signature, signature) };

        foreach (var (type, hex) in types)
        {
            var list = RevocationList.TryCreate([new RevocationEntry(type, Convert.FromHexString(hex))])!;
            Assert.True(RevocationCheck.IsRevoked(envelope!, claims.Value!, list), $"{description} {type}");
        }

        var other = RevocationList.TryCreate([new RevocationEntry(RevocationHashType.Uci, Convert.FromHexString(signature))])!;
        Assert.False(RevocationCheck.IsRevoked(envelope!, claims.Value!, other));
    }

    [Fact]
    public void Verify_RevokedSignature_IsRejectedRevoked()
    {
        using var issuer = new TestDccIssuer(Now.AddYears(-1), Now.AddYears(1));
        var qr = issuer.Issue(TestDccIssuer.Claims(Now.AddDays(-1), Now.AddDays(30)));
        var trust = DscTrustList.FromDer([issuer.Der]);
        var (envelope, claims) = DccVerifier.Decode(qr);
        var hash = RevocationHash.Compute(RevocationHashType.Signature, envelope!, claims.Value!).Single();
        var revoked = RevocationList.TryCreate([new RevocationEntry(RevocationHashType.Signature, Convert.FromHexString(RevocationHash.ToHex(hash)), issuer.Kid)])!;

        Assert.Equal(new Verdict.Rejected(VerdictCodes.Revoked), DccVerifier.Verify(qr, trust, Now, revoked).Verdict);
        Assert.IsType<Verdict.Accepted>(DccVerifier.Verify(qr, trust, Now, RevocationList.Empty).Verdict);
        Assert.IsType<Verdict.Accepted>(DccVerifier.Verify(qr, trust, Now).Verdict);
    }

    [Fact]
    public void Verify_RevokedButUnknownSigner_StaysUnverifiableKid()
    {
        using var issuer = new TestDccIssuer(Now.AddYears(-1), Now.AddYears(1));
        var qr = issuer.Issue(TestDccIssuer.Claims(Now.AddDays(-1), Now.AddDays(30)));
        var (envelope, claims) = DccVerifier.Decode(qr);
        var hash = RevocationHash.Compute(RevocationHashType.Signature, envelope!, claims.Value!).Single();
        var revoked = RevocationList.TryCreate([new RevocationEntry(RevocationHashType.Signature, Convert.FromHexString(RevocationHash.ToHex(hash)))])!;

        Assert.Equal(new Verdict.Unverifiable(VerdictCodes.Kid), DccVerifier.Verify(qr, DscTrustList.Empty, Now, revoked).Verdict);
    }
}
