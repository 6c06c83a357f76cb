namespace ScanPoint.Credentials.Dcc.Revocation;

/// <summary>The EU DCC revocation hash types; each hash is the first 128 bits of a SHA-256.</summary>
public enum RevocationHashType
{
    /// <summary>SHA-256 of the UVCI (<c>ci</c>) as written in the payload.</summary>
    Uci,

    /// <summary>SHA-256 of the entry's country (<c>co</c>) followed by the UVCI.</summary>
    CountryCodeUci,

    /// <summary>SHA-256 of the COSE signature (ECDSA: only r, the first 32 bytes).</summary>
    Signature,
}
