using ScanPoint.Credentials.Identity;

namespace ScanPoint.Credentials.Tests.Identity;

/// <summary>The tracing key: the same person across formats gives one key; another person or birth date another.</summary>
public class PersonKeyTests
{
    [Theory]
    [InlineData("Nguyễn Văn Đức", "1990-05-01", "NGUYEN<<VAN<DUC", "1990-05-01")]
    [InlineData("Nguyễn Văn Đức", "01051990", "Duc Nguyen Van", "1990-05-01T00:00:00")]
    [InlineData("  nguyễn   văn đức ", "1990-05-01", "NGUYỄN VĂN ĐỨC", "1990-05-01")]
    public void Of_SamePersonWrittenDifferently_SameKey(string name1, string dob1, string name2, string dob2) =>
        Assert.Equal(PersonKey.Of(name1, dob1), PersonKey.Of(name2, dob2));

    [Theory]
    [InlineData("Nguyễn Văn Đức", "1990-05-02")]
    [InlineData("Nguyễn Văn Đức", "1990")]
    [InlineData("Nguyễn Văn Dũng", "1990-05-01")]
    [InlineData("Nguyễn Đức", "1990-05-01")]
    public void Of_AnotherNameOrBirthDate_AnotherKey(string name, string dob) =>
        Assert.NotEqual(PersonKey.Of("Nguyễn Văn Đức", "1990-05-01"), PersonKey.Of(name, dob));

    [Fact]
    public void Of_Key_Base64UrlSha256WithoutTheName()
    {
        var key = PersonKey.Of("Nguyễn Văn Đức", "1990-05-01")!;

        Assert.Equal(43, key.Length);
        Assert.Matches("^[A-Za-z0-9_-]+$", key);
        Assert.DoesNotContain("DUC", key, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("<<< ,.")]
    public void Of_NoLetters_Null(string? name) => Assert.Null(PersonKey.Of(name, "1990-05-01"));

    [Theory]
    [InlineData("01051990", "1990-05-01")]
    [InlineData("1990-05", "1990-05")]
    [InlineData("1990-00-00", "1990")]
    [InlineData("not a date", null)]
    [InlineData(null, null)]
    public void NormalizeDate_Forms_YearMonthDay(string? input, string? expected) => Assert.Equal(expected, PersonKey.NormalizeDate(input));
}
