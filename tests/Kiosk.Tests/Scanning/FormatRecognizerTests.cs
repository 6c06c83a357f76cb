using ScanPoint.Contracts.CheckIns;
using ScanPoint.Kiosk.Scanning;
using ScanPoint.TestKit;

namespace ScanPoint.Kiosk.Tests.Scanning;

public class FormatRecognizerTests
{
    [Theory]
    [InlineData("HC1:NCFOXN%TS3DH3ZSUZK+.V0ETD%65NL-AH", CodeFormats.Dcc)]
    [InlineData("shc:/5676290952432060346029243740", CodeFormats.SmartHealthCard)]
    [InlineData("shc:/1/2/5676290952", CodeFormats.SmartHealthCard)]
    [InlineData("DCL1:6BFOXN%TS3DH", CodeFormats.DeclarationPass)]
    [InlineData("{\"data\":{\"hdr\":{}},\"sig\":{\"alg\":\"ES256\"}}", CodeFormats.VdsNc)]
    [InlineData("001099012345|012345678|Nguyễn Văn A|01011990|Nam|Hà Nội|01012021", CodeFormats.CitizenId)]
    [InlineData("00109901234|012345678|Nguyễn Văn A|01011990|Nam", CodeFormats.Unknown)]
    [InlineData("hc1:lowercase", CodeFormats.Unknown)]
    [InlineData("https://example.org", CodeFormats.Unknown)]
    [InlineData("", CodeFormats.Unknown)]
    public void Recognize_KnownShapes_NamesTheFormat(string text, string expected) =>
        Assert.Equal(expected, FormatRecognizer.Recognize(text));

    [Fact]
    public void Recognize_DccSampleFromTestData_IsDcc()
    {
        var text = File.ReadAllText(Path.Combine(TestData.Root, "dcc-vn", "VAC_VN.hc1.txt")).Trim();
        Assert.Equal(CodeFormats.Dcc, FormatRecognizer.Recognize(text));
    }
}
