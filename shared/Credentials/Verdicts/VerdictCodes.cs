namespace ScanPoint.Credentials.Verdicts;

/// <summary>
/// Short, stable verdict codes grouped by stage. The same code is shown on screen, logged and sent to
/// the fleet; never rename one. Documented in shared/Credentials/README.md.
/// </summary>
public static class VerdictCodes
{
    /// <summary>Input too long, or an inflated/decoded stage output beyond its bound.</summary>
    public const string TooLarge = "TOO_LARGE";

    /// <summary>The text does not start with the format's context identifier (HC1:).</summary>
    public const string Prefix = "PREFIX";

    /// <summary>Invalid Base45 (bad character, bad length, value out of range).</summary>
    public const string Base45 = "B45";

    /// <summary>Not a valid zlib stream.</summary>
    public const string Zlib = "ZLIB";

    /// <summary>Not a valid COSE_Sign1 structure (tags, headers, missing payload).</summary>
    public const string Cose = "COSE";

    /// <summary>Signature algorithm is neither ES256 (-7) nor PS256 (-37).</summary>
    public const string Algorithm = "ALG";

    /// <summary>Malformed CBOR in the payload, or beyond depth/item bounds.</summary>
    public const string Cbor = "CBOR";

    /// <summary>CWT claims missing or of the wrong type (iss, iat, exp, hcert -260/1).</summary>
    public const string Cwt = "CWT";

    /// <summary>No trusted signer certificate carries the key identifier.</summary>
    public const string Kid = "KID";

    /// <summary>The signature does not verify with any signer certificate that carries the kid.</summary>
    public const string Signature = "SIG";

    /// <summary>The signer certificate is not valid at the validation time, or does not cover iat..exp.</summary>
    public const string DscTime = "DSC_TIME";

    /// <summary>The signer certificate's extended key usage does not allow this certificate type (v/t/r).</summary>
    public const string KeyUsage = "EKU";

    /// <summary>Issued in the future (iat after the validation time).</summary>
    public const string IssuedAt = "IAT";

    /// <summary>Not yet valid (nbf after the validation time).</summary>
    public const string NotBefore = "NBF";

    /// <summary>Expired (exp before the validation time).</summary>
    public const string Expired = "EXP";

    /// <summary>A CertLogic business rule of the trust bundle failed (Rejected) or could not be evaluated (Unverifiable).</summary>
    public const string Rule = "RULE";

    /// <summary>Trust bundle: the anchor's signature does not verify.</summary>
    public const string TrustSignature = "TRUST_SIG";

    /// <summary>Trust bundle: not a bundle of a known format, or malformed.</summary>
    public const string TrustFormat = "TRUST_FORMAT";

    /// <summary>Trust bundle: older than one already accepted.</summary>
    public const string TrustRollback = "TRUST_ROLLBACK";

    /// <summary>The trust section this verdict needs is past its maximum age: no silent green.</summary>
    public const string TrustStale = "TRUST_STALE";

    /// <summary>Declaration pass: claims missing, mistyped or malformed.</summary>
    public const string DeclarationFormat = "DCL_FORMAT";

    /// <summary>Declaration pass: valid for longer than its type allows (movement 72 h, health 24 h).</summary>
    public const string DeclarationWindow = "DCL_WINDOW";

    /// <summary>No trust bundle is loaded, so nothing signed can be judged.</summary>
    public const string NoTrust = "NO_TRUST";

    /// <summary>SHC: <c>shc:/</c> numeric mode invalid (non-digit, odd length, a pair above 77).</summary>
    public const string ShcNumeric = "SHC_NUMERIC";

    /// <summary>SHC: chunked QR set (<c>shc:/i/n/…</c>) malformed, incomplete, duplicated or inconsistent in n.</summary>
    public const string ShcChunks = "SHC_CHUNKS";

    /// <summary>Not a compact JWS (three base64url parts) or its header lacks zip DEF / kid.</summary>
    public const string Jws = "JWS";

    /// <summary>Not a valid raw DEFLATE stream.</summary>
    public const string Deflate = "DEFLATE";

    /// <summary>Payload is not well-formed JSON, or deeper than its bound.</summary>
    public const string Json = "JSON";

    /// <summary>SHC payload claims missing or of the wrong type (iss, nbf, exp, vc, fhirBundle).</summary>
    public const string ShcPayload = "SHC_PAYLOAD";

    /// <summary>The issuer (SHC <c>iss</c>) is not on the allow-list.</summary>
    public const string Issuer = "ISSUER";

    /// <summary>The payload does not match the official schema of its version (DCC: the first error path is the result's detail).</summary>
    public const string Schema = "SCHEMA";

    /// <summary>The credential is listed as revoked by its issuer (DCC: UCI, COUNTRYCODEUCI or SIGNATURE hash).</summary>
    public const string Revoked = "REVOKED";

    /// <summary>A bug: an unexpected exception was contained at the format boundary.</summary>
    public const string Internal = "INTERNAL";

    /// <summary>Warning: alg sits only in the unprotected COSE header (not covered by the signature).</summary>
    public const string AlgorithmUnprotected = "ALG_UNPROTECTED";

    /// <summary>Warning: the payload holds no v/t/r entry, or more than one kind.</summary>
    public const string TypeWarning = "TYPE";

    /// <summary>Warning (SHC): the signing key announces a CRL (crlVersion) but none, or an older one, is loaded.</summary>
    public const string CrlStale = "CRL_STALE";

    /// <summary>VDS-NC: not a seal of the expected shape (data/hdr/msg, sig alg/cer/sigvl), bad base64url or certificate; unknown type/version (Unverifiable).</summary>
    public const string VdsFormat = "VDS_FORMAT";

    /// <summary>VDS-NC: the signer certificate does not chain to a configured CSCA.</summary>
    public const string Csca = "CSCA";

    /// <summary>CCCD QR: not 6 or 7 <c>|</c>-separated fields, empty name, unknown sex word, bad old ID.</summary>
    public const string CitizenIdFormat = "CCCD_FORMAT";

    /// <summary>CCCD QR: the 12-digit number is malformed, its province is unknown, or its century/sex/year digits disagree with the fields.</summary>
    public const string CitizenIdNumber = "CCCD_ID";

    /// <summary>CCCD QR: a date is not a valid DDMMYYYY, or the issue date precedes the birth date.</summary>
    public const string CitizenIdDate = "CCCD_DATE";
}
