using ScanPoint.Credentials.Dcc;
using ScanPoint.Credentials.Verdicts;

namespace ScanPoint.Credentials.Shc;

/// <summary>
/// SMART Health Card (<c>shc:/</c>): chunks → numeric mode → compact JWS → raw DEFLATE → JSON claims → issuer,
/// kid and ES256 signature → time and revocation. The first failing stage decides the verdict; nothing throws.
/// </summary>
public sealed class ShcVerifier
{
    private readonly TimeProvider _timeProvider;

    public ShcVerifier(TimeProvider timeProvider)
    {
        _timeProvider = timeProvider;
    }

    /// <summary>Verifies one QR text at the injected clock's current time.</summary>
    public ShcResult Verify(string qrText, ShcIssuerList issuers) => Verify(qrText, issuers, _timeProvider.GetUtcNow());

    /// <summary>Verifies a chunked set (any order) at the injected clock's current time.</summary>
    public ShcResult Verify(IReadOnlyList<string> chunks, ShcIssuerList issuers) => Verify(chunks, issuers, _timeProvider.GetUtcNow());

    /// <summary>Verifies one QR text (<c>shc:/…</c>, or a lone chunk, which is then incomplete) as of <paramref name="now"/>.</summary>
    public static ShcResult Verify(string qrText, ShcIssuerList issuers, DateTimeOffset now) => Verify([qrText], issuers, now);

    /// <summary>Verifies the QR texts of one card — a single text or every chunk, in any order — as of <paramref name="now"/>.</summary>
    public static ShcResult Verify(IReadOnlyList<string> chunks, ShcIssuerList issuers, DateTimeOffset now)
    {
        try
        {
            return VerifyCore(chunks, issuers, now);
        }
        catch (Exception)
        {
            return new ShcResult(new Verdict.Unverifiable(VerdictCodes.Internal), null);
        }
    }

    /// <summary>Decodes without checking trust or time: chunks, numeric mode, JWS, DEFLATE and the claims.</summary>
    public static (CompactJws? Jws, StageResult<ShcClaims> Claims) Decode(IReadOnlyList<string> chunks)
    {
        try
        {
            return DecodeCore(chunks);
        }
        catch (Exception)
        {
            return (null, StageResult<ShcClaims>.Unverifiable(VerdictCodes.Internal));
        }
    }

    private static (CompactJws? Jws, StageResult<ShcClaims> Claims) DecodeCore(IReadOnlyList<string> chunks)
    {
        var digits = ShcChunkStage.TryAssemble(chunks);
        if (digits.Value is null)
        {
            return (null, StageResult<ShcClaims>.From(digits.Failure!));
        }

        var text = ShcNumericStage.TryDecode(digits.Value);
        if (text.Value is null)
        {
            return (null, StageResult<ShcClaims>.From(text.Failure!));
        }

        var jws = ShcJwsStage.TryParse(text.Value);
        if (jws.Value is null)
        {
            return (null, StageResult<ShcClaims>.From(jws.Failure!));
        }

        var json = ShcDeflateStage.TryInflate(jws.Value.CompressedPayload);
        if (json.Value is null)
        {
            return (null, StageResult<ShcClaims>.From(json.Failure!));
        }

        return (jws.Value, ShcPayloadStage.TryRead(json.Value));
    }

    private static ShcResult VerifyCore(IReadOnlyList<string> chunks, ShcIssuerList issuers, DateTimeOffset now)
    {
        var (jws, decoded) = Decode(chunks);
        if (jws is null || decoded.Value is not { } claims)
        {
            return new ShcResult(decoded.Failure!, null);
        }

        var key = ShcSignatureStage.TryVerify(jws, claims, issuers);
        if (key.Value is null)
        {
            return new ShcResult(key.Failure!, claims);
        }

        var valid = ShcValidityStage.TryCheck(claims, key.Value, now);
        if (!valid.IsSuccess)
        {
            return new ShcResult(valid.Failure!, claims);
        }

        var crlStale = key.Value.CrlVersion is > 0 and var version && (key.Value.Revocations?.Counter ?? 0) < version;
        return new ShcResult(new Verdict.Accepted { Warnings = crlStale ? [VerdictCodes.CrlStale] : [] }, claims);
    }
}
