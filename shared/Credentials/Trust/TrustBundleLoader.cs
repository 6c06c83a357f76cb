using System.Security.Cryptography;
using System.Security.Cryptography.Cose;
using System.Text.Json;
using ScanPoint.Credentials.Shc;
using ScanPoint.Credentials.VdsNc;
using ScanPoint.Credentials.Verdicts;

namespace ScanPoint.Credentials.Trust;

/// <summary>
/// Opens a trust bundle: the anchor's signature must verify, the format must be known, and the version must not be
/// older than the last one accepted (no rollback). Returns a result; never throws on a bad file.
/// </summary>
public static class TrustBundleLoader
{
    /// <summary>Largest bundle accepted.</summary>
    public const int MaxBytes = 16 * 1024 * 1024;

    public static TrustLoadResult Load(byte[] file, TrustAnchor anchor, long lastAcceptedVersion)
    {
        if (file.Length is 0 or > MaxBytes)
        {
            return TrustLoadResult.Failed(VerdictCodes.TrustFormat, $"bundle of {file.Length} bytes (1..{MaxBytes})");
        }

        try
        {
            var message = CoseSign1Message.DecodeSign1(file);
            if (message.Content is not { } content || !message.VerifyEmbedded(anchor.Key))
            {
                return TrustLoadResult.Failed(VerdictCodes.TrustSignature, "the trust anchor's signature does not verify");
            }

            var parsed = JsonSerializer.Deserialize(content.Span, TrustBundleJson.Default.TrustBundleContent);
            if (parsed is null || parsed.Format != TrustBundleContent.FormatName)
            {
                return TrustLoadResult.Failed(VerdictCodes.TrustFormat, $"not a {TrustBundleContent.FormatName} bundle");
            }

            if (parsed.Version < lastAcceptedVersion)
            {
                return TrustLoadResult.Failed(VerdictCodes.TrustRollback, $"version {parsed.Version} is older than the accepted {lastAcceptedVersion}");
            }

            var dsc = DscTrustList.FromDer(parsed.Dsc.Items.Select(Convert.FromBase64String));
            var declarations = parsed.DeclarationSigners is { } d ? DscTrustList.FromDer(d.Items.Select(Convert.FromBase64String)) : DscTrustList.Empty;
            return TrustLoadResult.Loaded(new TrustBundle(parsed.Version, parsed.IssuedAt, parsed.Dsc.MaxAge, dsc)
            {
                DeclarationSigners = declarations,
                DeclarationSignersMaxAge = parsed.DeclarationSigners?.MaxAge ?? TimeSpan.Zero,
                ShcIssuers = ShcIssuerList.Create((parsed.ShcIssuers?.Items ?? []).Select(i => new ShcIssuerSource(i.Iss, i.Jwks, i.Crls))),
                ShcIssuersMaxAge = parsed.ShcIssuers?.MaxAge ?? TimeSpan.Zero,
                VdsCscas = parsed.VdsCscas is { } v ? VdsNcTrust.FromDer(v.Items.Select(Convert.FromBase64String)) : VdsNcTrust.Empty,
                VdsCscasMaxAge = parsed.VdsCscas?.MaxAge ?? TimeSpan.Zero,
                DccChecks = TrustSectionReader.ReadDcc(parsed),
                DccRevocationMaxAge = parsed.DccRevocation?.MaxAge,
                ProvincePolicies = TrustSectionReader.ReadPolicies(parsed),
            });
        }
        catch (Exception ex) when (ex is CryptographicException or JsonException or FormatException or InvalidOperationException)
        {
            return TrustLoadResult.Failed(VerdictCodes.TrustFormat, ex.Message);
        }
    }
}
