using ScanPoint.Credentials.Dcc.Revocation;
using ScanPoint.Credentials.Dcc.Schema;
using ScanPoint.Credentials.Trust;
using ScanPoint.Credentials.Verdicts;

namespace ScanPoint.Credentials.Dcc;

/// <summary>
/// Judges every stage of an HC1 code on its own, through the same stages as <see cref="DccVerifier"/>, for
/// diagnosis (the technicians' <c>verify</c> command, the dgc-testdata flags). A stage runs whenever its inputs
/// exist, so expiry and key usage are reported even when the signature fails: they are judged against the DSC
/// that verified, else the DSCs the kid names, else the only trusted DSC (see <see cref="DccCheckSigner"/>).
/// Schema runs only with <c>schemas</c> (valid = matches its version's schema and holds exactly one of v/t/r), revocation only with <c>revocations</c>; rules are not judged here yet.
/// The verdict still comes from <see cref="DccVerifier"/>. Nothing throws.
/// </summary>
public static class DccChecks
{
    public static CredentialChecks Evaluate(
        string qrText, DscTrustList trust, DateTimeOffset now, DccSchemaSet? schemas = null, RevocationList? revocations = null)
    {
        try
        {
            return EvaluateCore(qrText, trust, now, schemas, revocations);
        }
        catch (Exception)
        {
            return CredentialChecks.None;
        }
    }

    private static CredentialChecks EvaluateCore(
        string qrText, DscTrustList trust, DateTimeOffset now, DccSchemaSet? schemas, RevocationList? revocations)
    {
        var text = PrefixStage.TryUnprefix(qrText);
        var checks = new CredentialChecks { Prefix = text.IsSuccess };
        if (text.Value is null)
        {
            return checks;
        }

        var compressed = Base45Stage.TryDecode(text.Value);
        checks = checks with { Base45 = compressed.IsSuccess };
        if (compressed.Value is null)
        {
            return checks with { Signature = false };
        }

        var cose = ZlibStage.TryInflate(compressed.Value);
        checks = checks with { Zlib = cose.IsSuccess };
        if (cose.Value is null)
        {
            return checks with { Signature = false };
        }

        var parsed = CoseStage.TryParse(cose.Value);
        checks = checks with { Cose = parsed.IsSuccess };
        if (parsed.Value is not { } envelope)
        {
            // an HC1 code whose signed structure cannot be read has no signature that verifies
            return checks with { Signature = false };
        }

        var signer = SignatureStage.TryVerify(envelope, trust);
        var decoded = CwtStage.TryRead(envelope.Payload);
        checks = checks with { Cbor = decoded.IsSuccess, Signature = signer.IsSuccess };
        if (decoded.Value is not { } claims)
        {
            return checks;
        }

        var dscs = DccCheckSigner.Candidates(envelope, trust, signer.Value);
        return checks with
        {
            Schema = schemas is null ? null : schemas.Validate(claims.Payload).IsValid && claims.EntryTypes.Count == 1,
            KeyUsage = dscs.Count == 0 ? null : dscs.Any(d => KeyUsageStage.TryCheck(claims, d).IsSuccess),
            Expiry = dscs.Count == 0 ? null : dscs.Any(d => ValidityStage.TryCheck(claims, d, now).IsSuccess),
            Revocation = revocations is null ? null : !RevocationCheck.IsRevoked(envelope, claims, revocations),
        };
    }
}
