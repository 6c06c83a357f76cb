using System.Security.Cryptography;
using System.Security.Cryptography.Cose;
using System.Text.Json;

namespace ScanPoint.Credentials.Trust;

/// <summary>Signs a trust bundle with the anchor's private key: COSE_Sign1, ES256, the anchor's key id protected.</summary>
public static class TrustBundleSigner
{
    public static byte[] Sign(TrustBundleContent content, TrustAnchor anchorWithPrivateKey)
    {
        var payload = JsonSerializer.SerializeToUtf8Bytes(content, TrustBundleJson.Default.TrustBundleContent);
        var headers = new CoseHeaderMap { [CoseHeaderLabel.KeyIdentifier] = CoseHeaderValue.FromBytes(anchorWithPrivateKey.KeyId) };
        return CoseSign1Message.SignEmbedded(payload, new CoseSigner(anchorWithPrivateKey.Key, HashAlgorithmName.SHA256, headers));
    }
}
