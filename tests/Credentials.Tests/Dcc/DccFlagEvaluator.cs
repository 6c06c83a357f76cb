using ScanPoint.Credentials.Dcc;
using ScanPoint.Credentials.Tests.Schema;
using ScanPoint.Credentials.Trust;
using ScanPoint.Credentials.Verdicts;

namespace ScanPoint.Credentials.Tests.Dcc;

/// <summary>
/// Thin adapter from the dgc-testdata EXPECTED* flags to the product's <see cref="DccChecks"/>: the file's
/// TESTCTX.CERTIFICATE is the only DSC, TESTCTX.VALIDATIONCLOCK the clock, the official schemas are supplied.
/// </summary>
public static class DccFlagEvaluator
{
    public const string Unprefix = "EXPECTEDUNPREFIX";
    public const string B45Decode = "EXPECTEDB45DECODE";
    public const string Compression = "EXPECTEDCOMPRESSION";
    public const string Decode = "EXPECTEDDECODE";
    public const string Verify = "EXPECTEDVERIFY";
    public const string ExpirationCheck = "EXPECTEDEXPIRATIONCHECK";
    public const string KeyUsage = "EXPECTEDKEYUSAGE";
    public const string SchemaValidation = "EXPECTEDSCHEMAVALIDATION";

    public static readonly string[] Covered = [Unprefix, B45Decode, Compression, Decode, Verify, ExpirationCheck, KeyUsage, SchemaValidation];

    /// <summary>The product's checks for the file.</summary>
    public static CredentialChecks Checks(DccTestFile file) =>
        DccChecks.Evaluate(file.Prefix ?? "", TrustOf(file), Clock(file), DccSchemas.All);

    /// <summary>The check entry a flag is scored against; null when the flag is not covered.</summary>
    public static bool? Entry(CredentialChecks checks, string flag) => flag switch
    {
        Unprefix => checks.Prefix,
        B45Decode => checks.Base45,
        Compression => checks.Zlib,
        Decode => checks.Cose == true && checks.Cbor == true,
        Verify => checks.Signature,
        ExpirationCheck => checks.Expiry,
        KeyUsage => checks.KeyUsage,
        SchemaValidation => checks.Schema,
        _ => null,
    };

    /// <summary>What we say for the flag: the check entry itself, compared strictly (null never equals a flag).</summary>
    public static bool? Score(CredentialChecks checks, string flag) => Entry(checks, flag);

    /// <summary>Whether the flag is one this adapter scores.</summary>
    public static bool IsCovered(string flag) => Covered.Contains(flag);

    /// <summary>The full verifier's result for the file, with only its DSC trusted, at its validation clock.</summary>
    public static DccResult VerifyFile(DccTestFile file) =>
        DccVerifier.Verify(file.Prefix ?? "", TrustOf(file), Clock(file));

    private static DscTrustList TrustOf(DccTestFile file) =>
        file.Certificate is { } der ? DscTrustList.FromDer([der]) : DscTrustList.Empty;

    private static DateTimeOffset Clock(DccTestFile file) =>
        file.ValidationClock ?? throw new InvalidOperationException($"{file} has no TESTCTX.VALIDATIONCLOCK");
}
