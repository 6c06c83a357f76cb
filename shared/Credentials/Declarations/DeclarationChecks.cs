using ScanPoint.Credentials.Dcc;
using ScanPoint.Credentials.Trust;
using ScanPoint.Credentials.Verdicts;

namespace ScanPoint.Credentials.Declarations;

/// <summary>
/// Judges every stage of a <c>DCL1:</c> pass on its own (prefix, Base45, zlib, COSE, claims as <c>cbor</c>,
/// signature, signer key usage, time), through the stages <see cref="DeclarationVerifier"/> uses. Key usage and
/// time are judged against the verifying signer, else the signers the kid names, else the only trusted signer.
/// Nothing throws.
/// </summary>
public static class DeclarationChecks
{
    public static CredentialChecks Evaluate(string qrText, DscTrustList signers, DateTimeOffset now)
    {
        try
        {
            return EvaluateCore(qrText, signers, now);
        }
        catch (Exception)
        {
            return CredentialChecks.None;
        }
    }

    private static CredentialChecks EvaluateCore(string qrText, DscTrustList signers, DateTimeOffset now)
    {
        var prefixed = qrText.Length <= PrefixStage.MaxTextLength && qrText.StartsWith(DeclarationVerifier.Prefix, StringComparison.Ordinal);
        var checks = new CredentialChecks { Prefix = prefixed };
        if (!prefixed)
        {
            return checks;
        }

        var compressed = Base45Stage.TryDecode(qrText[DeclarationVerifier.Prefix.Length..]);
        checks = checks with { Base45 = compressed.IsSuccess };
        var cose = compressed.Value is null ? null : ZlibStage.TryInflate(compressed.Value);
        checks = checks with { Zlib = cose?.IsSuccess };
        var parsed = cose?.Value is null ? null : CoseStage.TryParse(cose.Value);
        checks = checks with { Cose = parsed?.IsSuccess };
        if (parsed?.Value is not { } envelope)
        {
            return checks;
        }

        var signer = SignatureStage.TryVerify(envelope, signers);
        var claims = DeclarationClaimsStage.TryRead(envelope.Payload);
        checks = checks with { Cbor = claims.IsSuccess, Signature = signer.IsSuccess };
        var dscs = DccCheckSigner.Candidates(envelope, signers, signer.Value);
        if (claims.Value is not { } c || dscs.Count == 0)
        {
            return checks;
        }

        return checks with
        {
            KeyUsage = dscs.Any(d => d.HasKeyUsage(DeclarationClaims.SignerKeyUsage)),
            Expiry = c.IssuedAt <= now && now < c.Expires && c.Expires - c.IssuedAt <= DeclarationPass.MaxValidity(c.Pass.Type),
        };
    }
}
