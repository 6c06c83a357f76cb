using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using ScanPoint.Credentials.Shc;

namespace ScanPoint.Credentials.Tests.Shc;

/// <summary>An SHC issuer with a P-256 key generated at test time: JWKS, payloads, compact JWS and QR texts.</summary>
internal sealed class TestShcIssuer : IDisposable
{
    public const string Url = "https://issuer.test/shc";

    private readonly ECDsa _key = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    public TestShcIssuer()
    {
        var q = _key.ExportParameters(false).Q;
        X = Base64Url(q.X!);
        Y = Base64Url(q.Y!);
        Kid = JwkThumbprint.ForP256(q.X, q.Y);
    }

    public string Kid { get; }

    public string X { get; }

    public string Y { get; }

    public string JwksJson => Jwks(Kid);

    public ShcIssuerList Issuers(params string[] crlJsons) => ShcIssuerList.Create([new ShcIssuerSource(Url, JwksJson, crlJsons)]);

    public string Jwks(string kid) =>
        $$"""{"keys":[{"kty":"EC","kid":"{{kid}}","use":"sig","alg":"ES256","crv":"P-256","x":"{{X}}","y":"{{Y}}"}]}""";

    public static JsonObject Payload(DateTimeOffset nbf, DateTimeOffset? exp = null, string? rid = null, string iss = Url)
    {
        var vc = new JsonObject
        {
            ["type"] = new JsonArray("https://smarthealth.cards#health-card", "https://smarthealth.cards#immunization"),
            ["credentialSubject"] = new JsonObject
            {
                ["fhirVersion"] = "4.0.1",
                ["fhirBundle"] = new JsonObject { ["resourceType"] = "Bundle", ["type"] = "collection", ["entry"] = new JsonArray() },
            },
        };
        if (rid is not null)
        {
            vc["rid"] = rid;
        }

        var payload = new JsonObject { ["iss"] = iss, ["nbf"] = nbf.ToUnixTimeMilliseconds() / 1000.0, ["vc"] = vc };
        if (exp is { } expires)
        {
            payload["exp"] = expires.ToUnixTimeSeconds();
        }

        return payload;
    }

    /// <summary>A compact JWS over the raw-DEFLATEd <paramref name="payload"/>.</summary>
    public string Sign(JsonNode payload, string? header = null) =>
        SignCompressed(Deflate(Encoding.UTF8.GetBytes(payload.ToJsonString())), header);

    public string SignCompressed(byte[] compressed, string? header = null)
    {
        header ??= $$"""{"zip":"DEF","alg":"ES256","kid":"{{Kid}}"}""";
        var signingInput = Base64Url(Encoding.UTF8.GetBytes(header)) + "." + Base64Url(compressed);
        var signature = _key.SignData(Encoding.ASCII.GetBytes(signingInput), HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        return signingInput + "." + Base64Url(signature);
    }

    public string Issue(JsonNode payload) => ShcExamples.ToQr(Sign(payload));

    public static byte[] Deflate(byte[] data)
    {
        using var output = new MemoryStream();
        using (var deflate = new DeflateStream(output, CompressionLevel.SmallestSize))
        {
            deflate.Write(data);
        }

        return output.ToArray();
    }

    public static string Base64Url(byte[] bytes) => System.Buffers.Text.Base64Url.EncodeToString(bytes);

    public void Dispose() => _key.Dispose();
}
