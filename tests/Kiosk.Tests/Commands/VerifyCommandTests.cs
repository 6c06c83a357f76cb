using System.Text.Json.Nodes;
using ScanPoint.Credentials.Trust;
using ScanPoint.Kiosk.Commands;
using ScanPoint.TestKit;

namespace ScanPoint.Kiosk.Tests.Commands;

/// <summary><c>kiosk verify</c> run in-process on dgc-testdata BE/2DCode/raw/1.json (a valid BE test DCC) and a CCCD.</summary>
public sealed class VerifyCommandTests : IDisposable
{
    private const string Clock = "2021-08-19T10:01:55Z";
    private const string FamilyName = "Ebraert";
    private const string BirthDate = "1980-01-14";

    private readonly TempDirectory _dir = new("verify-command");
    private readonly string _code;
    private readonly string _certificate;

    public VerifyCommandTests()
    {
        var file = JsonNode.Parse(File.ReadAllText(Path.Combine(TestData.Root, "dcc", "BE", "2DCode", "raw", "1.json")))!;
        _code = file["PREFIX"]!.GetValue<string>();
        _certificate = file["TESTCTX"]!["CERTIFICATE"]!.GetValue<string>();
        File.WriteAllText(_dir.File("dsc.b64"), _certificate);
        File.WriteAllText(_dir.File("code.txt"), _code + "\n");
    }

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Run_TrustedDscAtValidationClock_AcceptedExit0WithEveryCheck()
    {
        var (exit, output, _) = Run("--trust-dsc", _dir.File("dsc.b64"), "--at", Clock, "--json", "--file", _dir.File("code.txt"));

        Assert.Equal(0, exit);
        var json = JsonNode.Parse(output)!.AsObject();
        Assert.Equal(["format", "verdict", "code", "warnings", "checks"], json.Select(p => p.Key));
        Assert.Equal("dcc", (string?)json["format"]);
        Assert.Equal("accepted", (string?)json["verdict"]);
        Assert.Null(json["code"]);
        Assert.Empty(json["warnings"]!.AsArray());
        var checks = json["checks"]!.AsObject();
        Assert.Equal(["prefix", "base45", "zlib", "cose", "cbor", "schema", "signature", "keyUsage", "expiry", "rules", "revocation"], checks.Select(p => p.Key));
        Assert.All(["prefix", "base45", "zlib", "cose", "cbor", "signature", "keyUsage", "expiry"], k => Assert.True((bool?)checks[k]));
        Assert.All(["schema", "rules", "revocation"], k => Assert.Null(checks[k]));
        Assert.DoesNotContain(FamilyName, output, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(BirthDate, output, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_AfterExpiry_RejectedExit1WithOnlyExpiryFalse()
    {
        var (exit, output, _) = Run("--trust-dsc", _dir.File("dsc.b64"), "--at", "2030-01-01T00:00:00Z", "--json", _code);

        Assert.Equal(1, exit);
        var json = JsonNode.Parse(output)!;
        Assert.Equal("rejected", (string?)json["verdict"]);
        Assert.Equal("EXP", (string?)json["code"]);
        Assert.False((bool?)json["checks"]!["expiry"]);
        Assert.True((bool?)json["checks"]!["signature"]);
    }

    [Fact]
    public void Run_NoTrust_UnverifiableExit2SignatureFalse()
    {
        var (exit, output, _) = Run("--at", Clock, "--json", _code);

        Assert.Equal(2, exit);
        var json = JsonNode.Parse(output)!;
        Assert.Equal("unverifiable", (string?)json["verdict"]);
        Assert.Equal("KID", (string?)json["code"]);
        Assert.False((bool?)json["checks"]!["signature"]);
        Assert.Null(json["checks"]!["expiry"]);
    }

    [Fact]
    public void Run_SchemasSupplied_SchemaCheckRuns()
    {
        var (_, output, _) = Run("--trust-dsc", _dir.File("dsc.b64"), "--at", Clock, "--schemas", Path.Combine(TestData.Root, "dcc-schema"), "--json", _code);

        Assert.True((bool?)JsonNode.Parse(output)!["checks"]!["schema"]);
    }

    [Fact]
    public void Run_SignedTrustBundle_DscTrusted()
    {
        using var anchor = TrustAnchor.Create();
        File.WriteAllText(_dir.File("anchor.pem"), anchor.PublicKeyPem());
        var content = new TrustBundleContent(TrustBundleContent.FormatName, 1, DateTimeOffset.Parse(Clock, null), new TrustSection(TimeSpan.FromDays(2), [_certificate]));
        File.WriteAllBytes(_dir.File("bundle.cose"), TrustBundleSigner.Sign(content, anchor));

        var (exit, _, _) = Run("--trust-bundle", _dir.File("bundle.cose"), "--trust-anchor", _dir.File("anchor.pem"), "--at", Clock, "--json", _code);

        Assert.Equal(0, exit);
    }

    [Fact]
    public void Run_ShowSubject_AddsSubjectObject()
    {
        var (_, output, _) = Run("--trust-dsc", _dir.File("dsc.b64"), "--at", Clock, "--json", "--show-subject", _code);

        var subject = JsonNode.Parse(output)!["subject"]!;
        Assert.Contains(FamilyName, (string?)subject["name"], StringComparison.OrdinalIgnoreCase);
        Assert.Equal(BirthDate, (string?)subject["dob"]);
    }

    [Fact]
    public void Run_Table_NoPersonalData()
    {
        var (exit, output, _) = Run("--trust-dsc", _dir.File("dsc.b64"), "--at", Clock, _code);

        Assert.Equal(0, exit);
        Assert.Contains("accepted", output, StringComparison.Ordinal);
        Assert.Contains("signature", output, StringComparison.Ordinal);
        Assert.DoesNotContain(FamilyName, output, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(BirthDate, output, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_CitizenId_UnverifiableUnsignedWithoutPersonalData()
    {
        var (exit, output, _) = Run("--json", "079090001234|025123456|Nguyễn Văn Đức|01051990|Nam|TP Hồ Chí Minh|15082021");

        Assert.Equal(2, exit);
        var json = JsonNode.Parse(output)!;
        Assert.Equal("cccd", (string?)json["format"]);
        Assert.Equal("UNSIGNED", (string?)json["code"]);
        Assert.DoesNotContain("079090001234", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Đức", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_UnknownText_RejectedPrefixFalse()
    {
        var (exit, output, _) = Run("--json", "hello");

        Assert.Equal(1, exit);
        Assert.Equal("unknown", (string?)JsonNode.Parse(output)!["format"]);
        Assert.False((bool?)JsonNode.Parse(output)!["checks"]!["prefix"]);
    }

    [Theory]
    [InlineData]
    [InlineData("--json")]
    [InlineData("--at", "yesterday", "HC1:X")]
    [InlineData("--bogus", "HC1:X")]
    [InlineData("HC1:X", "HC1:Y")]
    [InlineData("--trust-bundle", "b.cose", "HC1:X")]
    [InlineData("--trust-dsc", "/nonexistent/dsc.b64", "HC1:X")]
    public void Run_BadArguments_Exit64WithUsage(params string[] args)
    {
        var (exit, output, error) = Run(args);

        Assert.Equal(VerifyCommand.UsageError, exit);
        Assert.Empty(output);
        Assert.Contains("usage: kiosk verify", error, StringComparison.Ordinal);
    }

    private static (int Exit, string Output, string Error) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = VerifyCommand.Run(args, output, error);
        return (exit, output.ToString(), error.ToString());
    }
}
