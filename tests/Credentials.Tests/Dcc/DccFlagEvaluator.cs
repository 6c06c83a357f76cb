using System.Text.Json.Nodes;
using ScanPoint.Credentials.Dcc;
using ScanPoint.Credentials.Trust;
using ScanPoint.Credentials.Verdicts;

namespace ScanPoint.Credentials.Tests.Dcc;

/// <summary>Evaluates the EXPECTEDRESULTS flags this slice covers, each through the production stages.</summary>
public static class DccFlagEvaluator
{
    public const string Unprefix = "EXPECTEDUNPREFIX";
    public const string B45Decode = "EXPECTEDB45DECODE";
    public const string Compression = "EXPECTEDCOMPRESSION";
    public const string Decode = "EXPECTEDDECODE";
    public const string Verify = "EXPECTEDVERIFY";
    public const string ExpirationCheck = "EXPECTEDEXPIRATIONCHECK";
    public const string KeyUsage = "EXPECTEDKEYUSAGE";

    public static readonly string[] Covered = [Unprefix, B45Decode, Compression, Decode, Verify, ExpirationCheck, KeyUsage];

    /// <summary>Codes from stages up to and including the signature: reaching past them means "verified".</summary>
    private static readonly HashSet<string> PreSignatureCodes =
    [
        VerdictCodes.TooLarge, VerdictCodes.Prefix, VerdictCodes.Base45, VerdictCodes.Zlib, VerdictCodes.Cose,
        VerdictCodes.Algorithm, VerdictCodes.Cbor, VerdictCodes.Cwt, VerdictCodes.Kid, VerdictCodes.Signature,
        VerdictCodes.Internal,
    ];

    /// <summary>What this implementation says for the flag; null when the flag is not covered.</summary>
    public static bool? Evaluate(DccTestFile file, string flag) => flag switch
    {
        Unprefix => EvaluateUnprefix(file),
        B45Decode => EvaluateBase45(file),
        Compression => EvaluateCompression(file),
        Decode => EvaluateDecode(file),
        Verify => EvaluateVerify(file),
        ExpirationCheck => WithClaimsAndDsc(file, (c, d) => ValidityStage.TryCheck(c, d, Clock(file)).IsSuccess),
        KeyUsage => WithClaimsAndDsc(file, (c, d) => KeyUsageStage.TryCheck(c, d).IsSuccess),
        _ => null,
    };

    /// <summary>The full verifier's result for the file, with only its DSC trusted, at its validation clock.</summary>
    public static DccResult VerifyFile(DccTestFile file) =>
        DccVerifier.Verify(file.Prefix ?? "", TrustOf(file), Clock(file));

    private static bool EvaluateUnprefix(DccTestFile file)
    {
        var result = PrefixStage.TryUnprefix(file.Prefix);
        return result.IsSuccess && (file.Base45 is null || result.Value == file.Base45);
    }

    private static bool EvaluateBase45(DccTestFile file)
    {
        var text = file.Base45 ?? PrefixStage.TryUnprefix(file.Prefix).Value;
        var result = text is null ? null : Base45Stage.TryDecode(text);
        return result?.Value is { } bytes && (file.Compressed is null || bytes.AsSpan().SequenceEqual(file.Compressed));
    }

    private static bool EvaluateCompression(DccTestFile file)
    {
        if (file.Compressed is not { } compressed)
        {
            return false;
        }

        var result = ZlibStage.TryInflate(compressed);
        return result.Value is { } cose && (file.Cose is null || cose.AsSpan().SequenceEqual(file.Cose));
    }

    private static bool EvaluateDecode(DccTestFile file)
    {
        var (_, claims) = DccVerifier.Decode(file.Prefix ?? "");
        return claims.Value is { } decoded && (file.Json is null || JsonNode.DeepEquals(decoded.Payload, file.Json));
    }

    private static bool EvaluateVerify(DccTestFile file)
    {
        var verdict = VerifyFile(file).Verdict;
        return verdict.Code is null || !PreSignatureCodes.Contains(verdict.Code);
    }

    private static bool WithClaimsAndDsc(DccTestFile file, Func<DccClaims, DscCertificate, bool> check)
    {
        var (_, claims) = DccVerifier.Decode(file.Prefix ?? "");
        var dsc = file.Certificate is { } der ? DscCertificate.TryCreate(der) : null;
        return claims.Value is { } decoded && dsc is not null && check(decoded, dsc);
    }

    private static DscTrustList TrustOf(DccTestFile file) =>
        file.Certificate is { } der ? DscTrustList.FromDer([der]) : DscTrustList.Empty;

    private static DateTimeOffset Clock(DccTestFile file) =>
        file.ValidationClock ?? throw new InvalidOperationException($"{file} has no TESTCTX.VALIDATIONCLOCK");
}
