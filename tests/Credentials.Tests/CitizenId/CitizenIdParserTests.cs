using ScanPoint.Credentials.CitizenId;
using ScanPoint.Credentials.Verdicts;

namespace ScanPoint.Credentials.Tests.CitizenId;

/// <summary>Made-up CCCD QR texts (no real person's data): the layouts, the number's digits and the dates.</summary>
public sealed class CitizenIdParserTests
{
    private const string Valid7 = "079090001234|025123456|Nguyễn Văn Đức|01051990|Nam|12 Đường Số 1, Phường 2, Quận 3, TP Hồ Chí Minh|15082021";

    [Fact]
    public void Parse_SevenFields_UnverifiedIdentity()
    {
        var result = CitizenIdParser.Parse(Valid7);

        Assert.True(result.Parsed);
        Assert.Null(result.Code);
        var id = result.Identity!;
        Assert.Equal("079090001234", id.IdNumber);
        Assert.Equal("025123456", id.OldIdNumber);
        Assert.Equal("Nguyễn Văn Đức", id.FullName);
        Assert.Equal(new DateOnly(1990, 5, 1), id.DateOfBirth);
        Assert.Equal(CitizenSex.Male, id.Sex);
        Assert.Equal(new DateOnly(2021, 8, 15), id.IssueDate);
        Assert.Equal("079", id.ProvinceCode);
        Assert.False(id.Verified);
    }

    [Theory]
    [InlineData("001305012345||Trần Thị Mai|20102005|Nữ|Số 5 Ngõ 6, Hà Nội|01022022", CitizenSex.Female, 2005)]
    [InlineData("001305012345|Trần Thị Mai|20102005|Nữ|Số 5 Ngõ 6, Hà Nội|01022022", CitizenSex.Female, 2005)]
    [InlineData("048185000111|201234567|Lê Thị Hoa|03031985|Nữ|Đà Nẵng|10102021", CitizenSex.Female, 1985)]
    [InlineData("096212000777||Phạm Minh Khôi|29022012|Nam|Cà Mau|01032024", CitizenSex.Male, 2012)]
    [InlineData("031099000001|031234567|Hoàng Văn Bình|31121999|Nam|Hải Phòng|31122021\r\n", CitizenSex.Male, 1999)]
    [InlineData("002301000002|Vũ Thị Lan|01012001|Nu|Hà Giang|02012020", CitizenSex.Female, 2001)]
    public void Parse_ValidVariants_Parsed(string text, CitizenSex sex, int birthYear)
    {
        var result = CitizenIdParser.Parse(text);

        Assert.True(result.Parsed, result.Code);
        Assert.Equal(sex, result.Identity!.Sex);
        Assert.Equal(birthYear, result.Identity.DateOfBirth.Year);
    }

    [Fact]
    public void Parse_DecomposedNu_Female()
    {
        var text = "001305012345||Trần Thị Mai|20102005|" + "Nữ".Normalize(System.Text.NormalizationForm.FormD) + "|Hà Nội|01022022";

        Assert.Equal(CitizenSex.Female, CitizenIdParser.Parse(text).Identity!.Sex);
    }

    [Theory]
    [InlineData("07909000123|025123456|Nguyễn Văn Đức|01051990|Nam|HCM|15082021", "CCCD_ID")]
    [InlineData("07909000123X|025123456|Nguyễn Văn Đức|01051990|Nam|HCM|15082021", "CCCD_ID")]
    [InlineData("003090001234|025123456|Nguyễn Văn Đức|01051990|Nam|HCM|15082021", "CCCD_ID")]
    [InlineData("097090001234|025123456|Nguyễn Văn Đức|01051990|Nam|HCM|15082021", "CCCD_ID")]
    [InlineData("000090001234|025123456|Nguyễn Văn Đức|01051990|Nam|HCM|15082021", "CCCD_ID")]
    [InlineData("079190001234|025123456|Nguyễn Văn Đức|01051990|Nam|HCM|15082021", "CCCD_ID")]
    [InlineData("079290001234|025123456|Nguyễn Văn Đức|01051990|Nam|HCM|15082021", "CCCD_ID")]
    [InlineData("079091001234|025123456|Nguyễn Văn Đức|01051990|Nam|HCM|15082021", "CCCD_ID")]
    [InlineData("079090001234|025123456|Nguyễn Văn Đức|01051990|Nữ|HCM|15082021", "CCCD_ID")]
    [InlineData("079090001234|025123456|Nguyễn Văn Đức|31021990|Nam|HCM|15082021", "CCCD_DATE")]
    [InlineData("079090001234|025123456|Nguyễn Văn Đức|1990-05-01|Nam|HCM|15082021", "CCCD_DATE")]
    [InlineData("079090001234|025123456|Nguyễn Văn Đức|01051990|Nam|HCM|30041990", "CCCD_DATE")]
    [InlineData("079090001234|025123456|Nguyễn Văn Đức|01051990|Nam|HCM|", "CCCD_DATE")]
    [InlineData("079090001234|02512345|Nguyễn Văn Đức|01051990|Nam|HCM|15082021", "CCCD_FORMAT")]
    [InlineData("079090001234|025123456||01051990|Nam|HCM|15082021", "CCCD_FORMAT")]
    [InlineData("079090001234|025123456|Nguyễn Văn Đức|01051990|Male|HCM|15082021", "CCCD_FORMAT")]
    [InlineData("079090001234|Nguyễn Văn Đức|01051990|Nam|HCM", "CCCD_FORMAT")]
    [InlineData("079090001234|025123456|Nguyễn Văn Đức|01051990|Nam|HCM|15082021|x", "CCCD_FORMAT")]
    [InlineData("", "CCCD_FORMAT")]
    [InlineData("HC1:6BFOXN", "CCCD_FORMAT")]
    public void Parse_Invalid_NotParsedWithCode(string text, string code)
    {
        var result = CitizenIdParser.Parse(text);

        Assert.False(result.Parsed);
        Assert.Equal(code, result.Code);
        Assert.Null(result.Identity);
    }

    [Theory]
    [InlineData('0', 1900, CitizenSex.Male, true)]
    [InlineData('1', 1900, CitizenSex.Female, true)]
    [InlineData('2', 2000, CitizenSex.Male, true)]
    [InlineData('3', 2000, CitizenSex.Female, true)]
    [InlineData('4', 2100, CitizenSex.Male, true)]
    [InlineData('5', 2100, CitizenSex.Female, true)]
    [InlineData('0', 2000, CitizenSex.Male, false)]
    [InlineData('2', 1900, CitizenSex.Male, false)]
    [InlineData('1', 1900, CitizenSex.Male, false)]
    [InlineData('2', 2000, CitizenSex.Female, false)]
    public void NumberAgrees_CenturySexDigit_CrossChecked(char digit, int century, CitizenSex sex, bool expected)
    {
        var id = $"001{digit}45000001";

        Assert.Equal(expected, CitizenIdParser.NumberAgrees(id, new DateOnly(century + 45, 6, 15), sex));
    }

    [Fact]
    public void Parse_TooLong_TooLarge()
    {
        Assert.Equal(VerdictCodes.TooLarge, CitizenIdParser.Parse(Valid7 + new string('x', 2000)).Code);
    }

    [Fact]
    public void Parse_RandomAndMutatedText_NeverThrowsNorInternal()
    {
        var random = new Random(1990);
        for (var i = 0; i < 1000; i++)
        {
            var chars = Valid7.ToCharArray();
            chars[random.Next(chars.Length)] = (char)random.Next(0, 0xFFFF);
            var result = CitizenIdParser.Parse(new string(chars));
            Assert.NotEqual(VerdictCodes.Internal, result.Code);
            Assert.Equal(result.Parsed, result.Identity is not null);
        }
    }
}
