using ScanPoint.Credentials.Verdicts;

namespace ScanPoint.Credentials.VdsNc;

/// <summary>
/// ICAO VDS-NC (JSON seal in a QR): bounded parse → signature over JCS(<c>data</c>) with the embedded signer
/// certificate → signer chained to a configured CSCA → signer valid at <c>now</c>. The first failing stage
/// decides the verdict; nothing throws.
/// </summary>
public static class VdsNcVerifier
{
    public static VdsNcResult Verify(string qrText, VdsNcTrust trust, DateTimeOffset now)
    {
        try
        {
            return VerifyCore(qrText, trust, now);
        }
        catch (Exception)
        {
            return new VdsNcResult(new Verdict.Unverifiable(VerdictCodes.Internal), null, null, false);
        }
    }

    private static VdsNcResult VerifyCore(string qrText, VdsNcTrust trust, DateTimeOffset now)
    {
        var parsed = VdsNcParseStage.TryParse(qrText);
        if (parsed.Value is not { } seal)
        {
            return new VdsNcResult(parsed.Failure!, null, null, false);
        }

        var subject = seal.Signer.Subject;
        var signed = VdsNcSignatureStage.TryVerify(seal);
        if (!signed.IsSuccess)
        {
            return new VdsNcResult(signed.Failure!, seal.Data, subject, false);
        }

        if (trust.FindIssuer(seal.Signer) is null)
        {
            return new VdsNcResult(new Verdict.Unverifiable(VerdictCodes.Csca), seal.Data, subject, true);
        }

        var notBefore = seal.Signer.NotBefore.ToUniversalTime();
        var notAfter = seal.Signer.NotAfter.ToUniversalTime();
        if (now < notBefore || now > notAfter)
        {
            return new VdsNcResult(new Verdict.Rejected(VerdictCodes.DscTime), seal.Data, subject, true);
        }

        return new VdsNcResult(new Verdict.Accepted(), seal.Data, subject, true);
    }
}
