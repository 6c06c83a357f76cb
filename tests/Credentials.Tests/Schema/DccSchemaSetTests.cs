using System.Text.Json.Nodes;
using ScanPoint.Credentials.Dcc;
using ScanPoint.Credentials.Dcc.Schema;
using ScanPoint.Credentials.Tests.Dcc;
using ScanPoint.Credentials.Trust;
using ScanPoint.Credentials.Verdicts;

namespace ScanPoint.Credentials.Tests.Schema;

public sealed class DccSchemaSetTests
{
    private const string Valid = """
        {"ver":"1.3.0","nam":{"fnt":"NGUYEN","gnt":"AN","fn":"Nguyen","gn":"An"},"dob":"1990-01-02",
         "v":[{"tg":"840539006","vp":"1119349007","mp":"EU/1/20/1528","ma":"ORG-100030215","dn":2,"sd":2,
               "dt":"2021-06-01","co":"VN","is":"Ministry of Health","ci":"URN:UVCI:01:VN:ABC123#X"}]}
        """;

    [Fact]
    public void FromJson_OfficialSchemas_LoadAllWithoutErrors()
    {
        Assert.Empty(DccSchemas.All.Errors);
        Assert.Equal(["1.0.0", "1.0.1", "1.1.0", "1.2.0", "1.2.1", "1.3.0", "1.3.1", "1.3.2", "1.3.3"], DccSchemas.All.Versions);
    }

    [Fact]
    public void Validate_ValidPayload_IsValidWithItsVersion()
    {
        var result = DccSchemas.All.Validate(Payload(Valid));

        Assert.True(result.IsValid, result.FirstError);
        Assert.Equal("1.3.0", result.SchemaVersion);
    }

    [Theory]
    [InlineData("1.3.9", "1.3.3")]
    [InlineData("1.2.5", "1.2.1")]
    [InlineData("2.0.0", "1.3.3")]
    public void Validate_UnknownPatchVersion_FallsBackToNewestNotNewer(string ver, string expected)
    {
        var payload = Payload(Valid);
        payload["ver"] = ver;

        Assert.Equal(expected, DccSchemas.All.Validate(payload).SchemaVersion);
    }

    [Theory]
    [InlineData("0.9.0", "/ver: no schema")]
    [InlineData("1.3", "/ver: version")]
    public void Validate_UnusableVersion_IsInvalid(string ver, string error)
    {
        var payload = Payload(Valid);
        payload["ver"] = ver;

        Assert.Equal(error, DccSchemas.All.Validate(payload).FirstError);
    }

    [Fact]
    public void Validate_BadDoseNumberAndMissingUvci_ReportsFirstPathWithoutValues()
    {
        var payload = Payload(Valid);
        payload["v"]![0]!["dn"] = 0;

        Assert.Equal("/v/0/dn: minimum", DccSchemas.All.Validate(payload).FirstError);

        payload["v"]![0]!["dn"] = 2;
        payload["v"]![0]!.AsObject().Remove("ci");
        Assert.Equal("/v/0/ci: required", DccSchemas.All.Validate(payload).FirstError);
    }

    [Theory]
    [InlineData("""{"type":"object","additionalItems":false}""", "1.0.0: unsupported keyword additionalItems")]
    [InlineData("""{"$ref":"https://example.org/x.json"}""", "1.0.0: $ref not local")]
    [InlineData("""{"$ref":"#/$defs/missing"}""", "1.0.0: $ref unresolved")]
    [InlineData("""{"pattern":"(unclosed"}""", "1.0.0: pattern")]
    [InlineData("not json", "1.0.0: not JSON")]
    public void FromJson_UnusableSchema_IsLeftOutWithReason(string schema, string error)
    {
        var set = DccSchemaSet.FromJson(new Dictionary<string, string> { ["1.0.0"] = schema });

        Assert.Equal([error], set.Errors);
        Assert.Empty(set.Versions);
    }

    [Fact]
    public void Verify_WithSchemas_RejectsInvalidPayloadAfterDecode()
    {
        var now = new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero);
        using var issuer = new TestDccIssuer(now.AddYears(-1), now.AddYears(1));
        var qr = issuer.Issue(TestDccIssuer.Claims(now.AddDays(-1), now.AddDays(30)));

        var result = DccVerifier.Verify(qr, DscTrustList.FromDer([issuer.Der]), now, schemas: DccSchemas.All);

        Assert.Equal(new Verdict.Rejected(VerdictCodes.Schema), result.Verdict);
        Assert.NotNull(result.Detail);
        Assert.NotNull(result.Claims);
        Assert.IsType<Verdict.Accepted>(DccVerifier.Verify(qr, DscTrustList.FromDer([issuer.Der]), now).Verdict);
    }

    private static JsonObject Payload(string json) => JsonNode.Parse(json)!.AsObject();
}
