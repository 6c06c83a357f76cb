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

        var claims = new CborWriter();
        claims.WriteStartMap(4);
        claims.WriteInt32(1);
        claims.WriteTextString(country);
        claims.WriteInt32(6);
        claims.WriteInt64(issuedAt.ToUnixTimeSeconds());
        claims.WriteInt32(4);
        claims.WriteInt64(expires.ToUnixTimeSeconds());
        claims.WriteInt32(DeclarationClaims.ClaimKey);
        claims.WriteStartMap(fields.Count);
        foreach (var (name, value) in fields)
        {
            claims.WriteTextString(name);
            claims.WriteTextString(value);
        }

        claims.WriteEndMap();
        claims.WriteEndMap();
        return QrEnvelope.Seal(DeclarationVerifier.Prefix, claims.Encode(), key, KeyId);
    }
}
