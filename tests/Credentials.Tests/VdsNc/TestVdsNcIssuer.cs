using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;
using ScanPoint.Credentials.VdsNc;

namespace ScanPoint.Credentials.Tests.VdsNc;

/// <summary>A test CSCA (EC P-384 or RSA-3072) and a DSC (EC P-256) it issued; keys generated at test time.</summary>
public sealed class TestVdsNcIssuer : IDisposable
{
    private readonly ECDsa _dscKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private readonly X509Certificate2 _dsc;

    public TestVdsNcIssuer(DateTimeOffset notBefore, DateTimeOffset notAfter, bool rsaCsca = false, RSASignaturePadding? padding = null)
    {
        using AsymmetricAlgorithm cscaKey = rsaCsca ? RSA.Create(3072) : ECDsa.Create(ECCurve.NamedCurves.nistP384);
        var generator = cscaKey is RSA rsa
            ? X509SignatureGenerator.CreateForRSA(rsa, padding ?? RSASignaturePadding.Pkcs1)
            : X509SignatureGenerator.CreateForECDsa((ECDsa)cscaKey);
        var cscaRequest = cscaKey is RSA rsaKey
            ? new CertificateRequest("CN=Test CSCA, C=UT", rsaKey, HashAlgorithmName.SHA256, padding ?? RSASignaturePadding.Pkcs1)
            : new CertificateRequest("CN=Test CSCA, C=UT", (ECDsa)cscaKey, HashAlgorithmName.SHA384);
        cscaRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, true, 0, true));
        using var csca = cscaRequest.CreateSelfSigned(notBefore.AddYears(-1), notAfter.AddYears(5));
        CscaDer = csca.RawData;

        var dscRequest = new CertificateRequest("CN=Test DSC, C=UT", _dscKey, HashAlgorithmName.SHA256);
        using var issued = dscRequest.Create(csca.SubjectName, generator, notBefore, notAfter, [1, 2, 3, 4]);
        _dsc = X509CertificateLoader.LoadCertificate(issued.RawData);
    }

    public byte[] CscaDer { get; }

    public VdsNcTrust Trust => VdsNcTrust.FromDer([CscaDer]);

    public static JsonObject Data(string name = "Nguyen Van Duc", string dob = "1990-05-01") => new()
    {
        ["hdr"] = new JsonObject { ["t"] = "icao.vacc", ["v"] = 1, ["is"] = "UTO" },
        ["msg"] = new JsonObject
        {
            ["uvci"] = "U0000001",
            ["pid"] = new JsonObject { ["n"] = name, ["dob"] = dob, ["sex"] = "M", ["i"] = "X0000001" },
            ["ve"] = new JsonArray(new JsonObject { ["des"] = "XM68M6", ["nam"] = "Test vaccine", ["dis"] = "RA01.0" }),
        },
    };

    /// <summary>A seal over <paramref name="data"/> (JCS, ES256, raw r‖s), as QR text.</summary>
    public string Seal(JsonObject data, string alg = "ES256")
    {
        var canonical = JsonCanonicalizer.TryCanonicalize(data)!;
        var signature = _dscKey.SignData(canonical, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        var seal = new JsonObject
        {
            ["data"] = data.DeepClone(),
            ["sig"] = new JsonObject
            {
                ["alg"] = alg,
                ["cer"] = Convert.ToBase64String(_dsc.RawData).TrimEnd('=').Replace('+', '-').Replace('/', '_'),
                ["sigvl"] = Convert.ToBase64String(signature).TrimEnd('=').Replace('+', '-').Replace('/', '_'),
            },
        };
        return seal.ToJsonString();
    }

    public void Dispose()
    {
        _dscKey.Dispose();
        _dsc.Dispose();
    }
}
