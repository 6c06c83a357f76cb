using ScanPoint.Credentials.Shc;
using ScanPoint.TestKit;

namespace ScanPoint.Credentials.Tests.Shc;

/// <summary>The SMART Health Cards spec examples in <c>../shared/testdata/shc</c> and their issuer's JWKS and CRL.</summary>
internal static class ShcExamples
{
    public const string Issuer = "https://spec.smarthealth.cards/examples/issuer";

    public const string Kid = "3Kfdg-XwP-7gXyywtUfUADwBumDOPKMQx-iELL11W9s";

    /// <summary>A time after the examples' nbf (2023-06-22); examples 00–02 do not expire.</summary>
    public static readonly DateTimeOffset Now = new(2026, 11, 23, 8, 0, 0, TimeSpan.Zero);

    /// <summary>A time inside example 03's window: it alone carries an exp (2024-06-21).</summary>
    public static readonly DateTimeOffset Example03Now = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static readonly DateTimeOffset NotBefore = DateTimeOffset.FromUnixTimeMilliseconds(1687450764656);

    public static string Folder { get; } = Path.Combine(TestData.Root, "shc");

    public static string JwksJson => File.ReadAllText(Path.Combine(Folder, "issuer", ".well-known", "jwks.json"));

    public static string CrlJson => File.ReadAllText(Path.Combine(Folder, "issuer", ".well-known", "crl", Kid + ".json"));

    /// <summary>The example issuer with its CRL.</summary>
    public static ShcIssuerList Issuers { get; } = ShcIssuerList.Create([new ShcIssuerSource(Issuer, JwksJson, [CrlJson])]);

    /// <summary>The QR texts of example <paramref name="n"/> (one, or three chunks for example 02), in file order.</summary>
    public static IReadOnlyList<string> QrTexts(int n) =>
        Directory.GetFiles(Folder, $"example-{n:D2}-f-qr-code-numeric-value-*.txt")
            .Order(StringComparer.Ordinal)
            .Select(path => File.ReadAllText(path).Trim())
            .ToArray();

    public static string Jws(int n) => File.ReadAllText(Path.Combine(Folder, $"example-{n:D2}-d-jws.txt")).Trim();

    public static string MinifiedPayload(int n) => File.ReadAllText(Path.Combine(Folder, $"example-{n:D2}-c-jws-payload-minified.json")).Trim();

    /// <summary>The <c>shc:/</c> QR text holding <paramref name="jws"/> in numeric mode.</summary>
    public static string ToQr(string jws) => ShcChunkStage.Prefix + ShcNumericStage.Encode(jws);
}
