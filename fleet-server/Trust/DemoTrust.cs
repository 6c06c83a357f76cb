using System.Runtime.Versioning;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;
using ScanPoint.Credentials.Dcc;
using ScanPoint.Credentials.Declarations;
using ScanPoint.Credentials.Trust;

namespace ScanPoint.FleetServer.Trust;

/// <summary>
/// A demo trust anchor, a demo document signer, a signed trust bundle carrying it, and sample codes minted with it —
/// so a demo kiosk judges real signatures. The production anchor is held offline by the authority, never here.
/// </summary>
internal static class DemoTrust
{
    public const string AnchorPublicFile = "trust-anchor.pem";
    public const string AnchorPrivateFile = "trust-anchor-private.pem";
    public const string BundleFile = "trust-bundle.cose";
    public const string CodesFile = "demo-codes.txt";
    public const string DeclarationKeyFile = "declaration-signer-private.pem";
    public const string DeclarationCertFile = "declaration-signer.crt";

    [SupportedOSPlatform("linux")]
    public static void Create(string directory, long version, DateTimeOffset now, IReadOnlyList<ShcIssuerEntry> shcIssuers)
    {
        Directory.CreateDirectory(directory);
        using var anchor = TrustAnchor.Create();
        using var dscKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var dsc = new CertificateRequest("CN=ScanPoint Demo DSC, O=Demo Ministry of Health, C=VN", dscKey, HashAlgorithmName.SHA256)
            .CreateSelfSigned(now.AddDays(-1), now.AddYears(2));
        WritePrivate(Path.Combine(directory, AnchorPrivateFile), anchor.PrivateKeyPem());
        File.WriteAllText(Path.Combine(directory, AnchorPublicFile), anchor.PublicKeyPem());
        WritePrivate(Path.Combine(directory, "dsc-private.pem"), dscKey.ExportPkcs8PrivateKeyPem());
        File.WriteAllBytes(Path.Combine(directory, "dsc.crt"), dsc.RawData);

        using var declarationKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var declarationRequest = new CertificateRequest("CN=ScanPoint Demo Declaration Signer, C=VN", declarationKey, HashAlgorithmName.SHA256);
        declarationRequest.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid(DeclarationClaims.SignerKeyUsage)], critical: false));
        using var declarationSigner = declarationRequest.CreateSelfSigned(now.AddDays(-1), now.AddYears(2));
        WritePrivate(Path.Combine(directory, DeclarationKeyFile), declarationKey.ExportPkcs8PrivateKeyPem());
        File.WriteAllBytes(Path.Combine(directory, DeclarationCertFile), declarationSigner.RawData);

        var content = new TrustBundleContent(
            TrustBundleContent.FormatName,
            version,
            now,
            new TrustSection(TimeSpan.FromDays(7), [Convert.ToBase64String(dsc.RawData)]),
            new TrustSection(TimeSpan.FromDays(7), [Convert.ToBase64String(declarationSigner.RawData)]),
            new ShcIssuerSection(TimeSpan.FromDays(7), shcIssuers));
        File.WriteAllBytes(Path.Combine(directory, BundleFile), TrustBundleSigner.Sign(content, anchor));

        var issuer = new DccIssuer(dscKey, dsc.RawData);
        using var strangerKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var stranger = new CertificateRequest("CN=Unknown signer", strangerKey, HashAlgorithmName.SHA256).CreateSelfSigned(now.AddDays(-1), now.AddYears(1));
        string[] codes =
        [
            issuer.Issue(Vaccination("NGUYEN", "VAN<A", "1990-01-01", 1), "VN", now.AddDays(-1), now.AddYears(1)),
            issuer.Issue(Vaccination("TRAN", "THI<B", "1985-05-05", 2), "VN", now.AddDays(-400), now.AddDays(-35)),
            new DccIssuer(strangerKey, stranger.RawData).Issue(Vaccination("LE", "VAN<C", "1970-07-07", 3), "VN", now.AddDays(-1), now.AddYears(1)),
            new DeclarationIssuer(declarationKey, declarationSigner.RawData).Issue(
                new DeclarationPass(DeclarationPass.Movement, "Nguyễn Văn A", "1990-01-01", DeclarationIssuer.HashIdNumber("001090000001"), "HN", "HCM", "ok"),
                "VN",
                now.AddHours(-2),
                now.AddHours(70)),
        ];
        File.WriteAllLines(Path.Combine(directory, CodesFile), codes);
    }

    private static JsonObject Vaccination(string family, string given, string dob, int n) => new()
    {
        ["ver"] = "1.3.0",
        ["nam"] = new JsonObject { ["fnt"] = family, ["gnt"] = given },
        ["dob"] = dob,
        ["v"] = new JsonArray(new JsonObject
        {
            ["tg"] = "840539006",
            ["vp"] = "1119349007",
            ["mp"] = "EU/1/20/1528",
            ["ma"] = "ORG-100030215",
            ["dn"] = 2,
            ["sd"] = 2,
            ["dt"] = "2026-01-10",
            ["co"] = "VN",
            ["is"] = "Demo Ministry of Health",
            ["ci"] = $"URN:UVCI:01:VN:DEMO{n:D6}",
        }),
    };

    [SupportedOSPlatform("linux")]
    private static void WritePrivate(string path, string pem)
    {
        using var file = new FileStream(path, new FileStreamOptions
        {
            Mode = FileMode.Create,
            Access = FileAccess.Write,
            UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
        });
        using var writer = new StreamWriter(file);
        writer.Write(pem);
    }
}
