using ScanPoint.Credentials.Dcc;
using ScanPoint.Credentials.Trust;
using ScanPoint.Credentials.Verdicts;

namespace ScanPoint.Credentials.Declarations;

/// <summary>
/// Verifies a <c>DCL1:</c> declaration pass: prefix → Base45 → zlib → COSE_Sign1 → claims → signature by a
/// declaration signer of the trust bundle → signer key usage → issued-at, expiry and the type's validity window.
/// Nothing throws.
/// </summary>
public static class DeclarationVerifier
{
    public const string Prefix = "DCL1:";

    public static DeclarationResult Verify(string? qrText, DscTrustList signers, DateTimeOffset now)
    {
        if (qrText is null)
        {
            return Fail(new Verdict.Rejected(VerdictCodes.Prefix));
        }

        try
        {
            return VerifyCore(qrText, signers, now);
        }
        catch (Exception)
        {
            return new DeclarationResult(new Verdict.Unverifiable(VerdictCodes.Internal), null);
        }
    }

    private static DeclarationResult VerifyCore(string qrText, DscTrustList signers, DateTimeOffset now)
    {
        if (qrText.Length > PrefixStage.MaxTextLength)
        {
            return Fail(new Verdict.Rejected(VerdictCodes.TooLarge));
        }

        if (!qrText.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return Fail(new Verdict.Rejected(VerdictCodes.Prefix));
        }

        var compressed = Base45Stage.TryDecode(qrText[Prefix.Length..]);
        var cose = compressed.Value is null ? null : ZlibStage.TryInflate(compressed.Value);
        var envelope = cose?.Value is null ? null : CoseStage.TryParse(cose.Value);
        if (envelope?.Value is not { } message)
        {
            return Fail(envelope?.Failure ?? cose?.Failure ?? compressed.Failure!);
        }

        var claims = DeclarationClaimsStage.TryRead(message.Payload);
        if (claims.Value is not { } c)
        {
            return Fail(claims.Failure!);
        }

        var signer = SignatureStage.TryVerify(message, signers);
        if (signer.Value is not { } dsc)
        {
            return new DeclarationResult(signer.Failure!, c);
        }

        Verdict verdict = !dsc.HasKeyUsage(DeclarationClaims.SignerKeyUsage) ? new Verdict.Rejected(VerdictCodes.KeyUsage)
            : now < dsc.NotBefore || now > dsc.NotAfter ? new Verdict.Rejected(VerdictCodes.DscTime)
            : c.IssuedAt > now ? new Verdict.Rejected(VerdictCodes.IssuedAt)
            : c.Expires <= now ? new Verdict.Rejected(VerdictCodes.Expired)
            : c.Expires - c.IssuedAt > DeclarationPass.MaxValidity(c.Pass.Type) ? new Verdict.Rejected(VerdictCodes.DeclarationWindow)
            : new Verdict.Accepted();
        return new DeclarationResult(verdict, c);
    }

    private static DeclarationResult Fail(Verdict verdict) => new(verdict, null);
}
