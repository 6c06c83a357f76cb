using System.Formats.Cbor;
using System.Security.Cryptography;
using System.Text;
using ScanPoint.Credentials.Dcc;

namespace ScanPoint.Credentials.Declarations;

/// <summary>Mints <c>DCL1:</c> passes with a declaration signer key (the national backend's job; demos and tests here).</summary>
public sealed class DeclarationIssuer(ECDsa key, byte[] signerDer)
{
    public byte[] KeyId { get; } = SHA256.HashData(signerDer)[..8];

    /// <summary>base64url SHA-256 of a citizen-ID number: what a pass carries instead of the number.</summary>
    public static string HashIdNumber(string idNumber) => System.Buffers.Text.Base64Url.EncodeToString(SHA256.HashData(Encoding.UTF8.GetBytes(idNumber)));

    public string Issue(DeclarationPass pass, string country, DateTimeOffset issuedAt, DateTimeOffset expires)
    {
        var fields = new List<(string, string)> { ("t", pass.Type), ("nam", pass.Name), ("dob", pass.DateOfBirth), ("idh", pass.IdNumberHash), ("hs", pass.HealthStatus) };
        if (pass.From is not null && pass.To is not null)
        {
            fields.Add(("fr", pass.From));
            fields.Add(("to", pass.To));
        }

        return QrEnvelope.Seal(DeclarationVerifier.Prefix, country, issuedAt, expires, DeclarationClaims.ClaimKey, claims =>
        {
            claims.WriteStartMap(fields.Count);
            foreach (var (name, value) in fields)
            {
                claims.WriteTextString(name);
                claims.WriteTextString(value);
            }

            claims.WriteEndMap();
        }, key, KeyId);
    }
}
