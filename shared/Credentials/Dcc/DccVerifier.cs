using ScanPoint.Credentials.Dcc.Revocation;
using ScanPoint.Credentials.Dcc.Schema;
using ScanPoint.Credentials.Trust;
using ScanPoint.Credentials.Verdicts;

namespace ScanPoint.Credentials.Dcc;

/// <summary>
/// EU Digital COVID Certificate (<c>HC1:</c>): prefix → Base45 → zlib → COSE_Sign1 → CWT claims → signature
/// → schema (optional) → signature (DSC by kid) → revocation (optional) → time → key usage. The first failing stage decides the verdict; nothing throws.
/// </summary>
public sealed class DccVerifier
{
    private readonly TimeProvider _timeProvider;

    public DccVerifier(TimeProvider timeProvider)
    {
        _timeProvider = timeProvider;
    }

    /// <summary>Verifies at the injected clock's current time.</summary>
    public DccResult Verify(string qrText, DscTrustList trust, RevocationList? revocations = null, DccSchemaSet? schemas = null) =>
        Verify(qrText, trust, _timeProvider.GetUtcNow(), revocations, schemas);

    /// <summary>
    /// Verifies as of <paramref name="now"/>. With <paramref name="schemas"/>, the payload must match the schema of
    /// its version (SCHEMA); with <paramref name="revocations"/>, a listed certificate is Rejected(REVOKED).
    /// </summary>
    public static DccResult Verify(
        string qrText, DscTrustList trust, DateTimeOffset now, RevocationList? revocations = null, DccSchemaSet? schemas = null)
    {
        try
        {
            return VerifyCore(qrText, trust, now, revocations, schemas);
        }
        catch (Exception)
        {
            return new DccResult(new Verdict.Unverifiable(VerdictCodes.Internal), null);
        }
    }

    /// <summary>Decodes without checking trust or time: prefix, Base45, zlib, COSE and CWT claims.</summary>
    public static (CoseEnvelope? Envelope, StageResult<DccClaims> Claims) Decode(string qrText)
    {
        try
        {
            return DecodeCore(qrText);
        }
        catch (Exception)
        {
            return (null, StageResult<DccClaims>.Unverifiable(VerdictCodes.Internal));
        }
    }

    private static (CoseEnvelope? Envelope, StageResult<DccClaims> Claims) DecodeCore(string qrText)
    {
        var text = PrefixStage.TryUnprefix(qrText);
        if (text.Value is null)
        {
            return (null, StageResult<DccClaims>.From(text.Failure!));
        }

        var compressed = Base45Stage.TryDecode(text.Value);
        if (compressed.Value is null)
        {
            return (null, StageResult<DccClaims>.From(compressed.Failure!));
        }

        var cose = ZlibStage.TryInflate(compressed.Value);
        if (cose.Value is null)
        {
            return (null, StageResult<DccClaims>.From(cose.Failure!));
        }

        var envelope = CoseStage.TryParse(cose.Value);
        if (envelope.Value is null)
        {
            return (null, StageResult<DccClaims>.From(envelope.Failure!));
        }

        return (envelope.Value, CwtStage.TryRead(envelope.Value.Payload));
    }

    private static DccResult VerifyCore(
        string qrText, DscTrustList trust, DateTimeOffset now, RevocationList? revocations, DccSchemaSet? schemas)
    {
        var (envelope, decoded) = Decode(qrText);
        if (envelope is null || decoded.Value is not { } claims)
        {
            return new DccResult(decoded.Failure!, null);
        }

        if (schemas?.Validate(claims.Payload) is { IsValid: false } schema)
        {
            return new DccResult(new Verdict.Rejected(VerdictCodes.Schema), claims) { Detail = schema.FirstError };
        }

        var signer = SignatureStage.TryVerify(envelope, trust);
        if (signer.Value is not { } dsc)
        {
            return new DccResult(signer.Failure!, claims);
        }

        if (revocations is not null && !RevocationCheck.TryCheck(envelope, claims, revocations).IsSuccess)
        {
            return new DccResult(new Verdict.Rejected(VerdictCodes.Revoked), claims);
        }

        var timely = ValidityStage.TryCheck(claims, dsc, now);
        if (!timely.IsSuccess)
        {
            return new DccResult(timely.Failure!, claims);
        }

        var allowed = KeyUsageStage.TryCheck(claims, dsc);
        if (!allowed.IsSuccess)
        {
            return new DccResult(allowed.Failure!, claims);
        }

        var warnings = new List<string>();
        if (!envelope.AlgorithmProtected)
        {
            warnings.Add(VerdictCodes.AlgorithmUnprotected);
        }

        if (claims.EntryTypes.Count != 1)
        {
            warnings.Add(VerdictCodes.TypeWarning);
        }

        return new DccResult(new Verdict.Accepted { Warnings = warnings }, claims);
    }
}
