using ScanPoint.Credentials.CitizenId;
using ScanPoint.Credentials.Identity;

namespace ScanPoint.Credentials.Tests.Identity;

/// <summary>Name folding (Vietnamese diacritics, đ, ICAO '&lt;'), name order, and partial dates of birth.</summary>
public sealed class IdentityMatcherTests
{
    [Theory]
    [InlineData("Nguyễn Văn Đức", "NGUYEN<VAN<DUC")]
    [InlineData("Nguyễn Văn Đức", "NGUYEN<<VAN<DUC")]
    [InlineData("nguyễn   văn  đức", "Nguyen Van Duc")]
    [InlineData("Trần Thị Ngọc Ánh", "ANH TRAN THI NGOC")]
    [InlineData("Đặng Thùy Dương", "DANG<<THUY<DUONG")]
    [InlineData("Lê-Thị Hoà", "LE THI HOA")]
    [InlineData("NGUYỄN VĂN ĐỨC", "nguyen van duc")]
    [InlineData("Phạm Thị Hương Giang", "PHAM<<THI<HUONG<GIANG")]
    [InlineData("Bùi Quốc Việt", "BUI<<QUOC<VIET")]
    [InlineData("CITIZEN  JANE SUE", "Jane Sue Citizen")]
    [InlineData("Smith Bill", "SMITH<<BILL")]
    public void CompareNames_FoldedTokens_Match(string left, string right)
    {
        Assert.Equal(IdentityMatchKind.Match, IdentityMatcher.CompareNames(left, right).Kind);
    }

    [Fact]
    public void CompareNames_DecomposedInput_Match()
    {
        var decomposed = "Nguyễn Văn Đức".Normalize(System.Text.NormalizationForm.FormD);

        Assert.Equal(IdentityMatchKind.Match, IdentityMatcher.CompareNames(decomposed, "NGUYEN VAN DUC").Kind);
    }

    [Theory]
    [InlineData("Nguyễn Văn Đức", "NGUYEN<<DUC", IdentityMatchKind.Partial, IdentityMatchReasons.NamePartial)]
    [InlineData("Nguyễn Văn Đức", "NGUYEN<<VAN<DUNG", IdentityMatchKind.Mismatch, IdentityMatchReasons.NameMismatch)]
    [InlineData("Nguyễn Văn A", "NGUYEN<<VAN<A<A", IdentityMatchKind.Partial, IdentityMatchReasons.NamePartial)]
    [InlineData("Nguyễn Văn Đức", "", IdentityMatchKind.Partial, IdentityMatchReasons.NameMissing)]
    [InlineData("<<<", "NGUYEN", IdentityMatchKind.Partial, IdentityMatchReasons.NameMissing)]
    public void CompareNames_NotEqual_KindAndReason(string left, string right, IdentityMatchKind kind, string reason)
    {
        Assert.Equal((kind, reason), IdentityMatcher.CompareNames(left, right));
    }

    [Theory]
    [InlineData("1990-05-01", "1990-05-01", IdentityMatchKind.Match, IdentityMatchReasons.Match)]
    [InlineData("1990-05-01", "01051990", IdentityMatchKind.Match, IdentityMatchReasons.Match)]
    [InlineData("1990-05-01T00:00:00", "1990-05-01", IdentityMatchKind.Match, IdentityMatchReasons.Match)]
    [InlineData("1990", "1990-05-01", IdentityMatchKind.Partial, IdentityMatchReasons.DobPartial)]
    [InlineData("1990-05", "1990-05-01", IdentityMatchKind.Partial, IdentityMatchReasons.DobPartial)]
    [InlineData("1990-XX-XX", "1990-05-01", IdentityMatchKind.Partial, IdentityMatchReasons.DobPartial)]
    [InlineData("1990-05-00", "1990-05-01", IdentityMatchKind.Partial, IdentityMatchReasons.DobPartial)]
    [InlineData("1990", "1990", IdentityMatchKind.Partial, IdentityMatchReasons.DobPartial)]
    [InlineData("1991", "1990-05-01", IdentityMatchKind.Mismatch, IdentityMatchReasons.DobMismatch)]
    [InlineData("1990-06", "1990-05-01", IdentityMatchKind.Mismatch, IdentityMatchReasons.DobMismatch)]
    [InlineData("1990-05-02", "1990-05-01", IdentityMatchKind.Mismatch, IdentityMatchReasons.DobMismatch)]
    [InlineData("1990-02-30", "1990-02-01", IdentityMatchKind.Mismatch, IdentityMatchReasons.DobInvalid)]
    [InlineData("May 1990", "1990-05-01", IdentityMatchKind.Mismatch, IdentityMatchReasons.DobInvalid)]
    [InlineData("", "1990-05-01", IdentityMatchKind.Partial, IdentityMatchReasons.DobMissing)]
    [InlineData(null, "1990-05-01", IdentityMatchKind.Partial, IdentityMatchReasons.DobMissing)]
    public void CompareDates_PartialDates(string? left, string? right, IdentityMatchKind kind, string reason)
    {
        Assert.Equal((kind, reason), IdentityMatcher.CompareDates(left, right));
    }

    [Fact]
    public void Compare_CitizenIdAgainstDcc_Match()
    {
        var card = CitizenIdParser.Parse("079090001234|025123456|Nguyễn Văn Đức|01051990|Nam|TP Hồ Chí Minh|15082021").Identity!;

        var match = IdentityMatcher.Compare(IdentityClaim.FromCitizenId(card), IdentityClaim.FromDcc("NGUYEN", "VAN<DUC", "1990-05-01"));

        Assert.Equal(new IdentityMatch(IdentityMatchKind.Match, IdentityMatchReasons.Match, IdentityMatchKind.Match, IdentityMatchKind.Match), match);
    }

    [Fact]
    public void Compare_DccYearOnly_PartialWithDobReason()
    {
        var match = IdentityMatcher.Compare(new IdentityClaim("Nguyễn Văn A", "1990-05-01"), IdentityClaim.FromDcc("NGUYEN", "VAN<A", "1990"));

        Assert.Equal(IdentityMatchKind.Partial, match.Kind);
        Assert.Equal(IdentityMatchReasons.DobPartial, match.Reason);
        Assert.Equal(IdentityMatchKind.Match, match.Name);
    }

    [Fact]
    public void Compare_NameMismatchAndDobPartial_MismatchWithNameReason()
    {
        var match = IdentityMatcher.Compare(new IdentityClaim("Nguyễn Văn A", "1990"), IdentityClaim.FromDcc("TRAN", "VAN<A", "1990-05-01"));

        Assert.Equal(IdentityMatchKind.Mismatch, match.Kind);
        Assert.Equal(IdentityMatchReasons.NameMismatch, match.Reason);
    }

    [Fact]
    public void Compare_HostileStrings_NeverThrow()
    {
        var random = new Random(3);
        for (var i = 0; i < 500; i++)
        {
            var chars = new char[random.Next(0, 64)];
            for (var j = 0; j < chars.Length; j++)
            {
                chars[j] = (char)random.Next(0, 0xFFFF);
            }

            var text = new string(chars);
            _ = IdentityMatcher.Compare(new IdentityClaim(text, text), new IdentityClaim("Nguyễn Văn A", "1990-05-01"));
        }
    }
}
