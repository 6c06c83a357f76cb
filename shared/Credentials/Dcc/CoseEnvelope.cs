using System.Security.Cryptography.Cose;

namespace ScanPoint.Credentials.Dcc;

/// <summary>A decoded COSE_Sign1: the effective key id and algorithm (protected header wins) and the payload.</summary>
public sealed class CoseEnvelope
{
    /// <summary>ES256: ECDSA P-256 with SHA-256.</summary>
    public const int Es256 = -7;

    /// <summary>PS256: RSASSA-PSS with SHA-256.</summary>
    public const int Ps256 = -37;

    internal CoseEnvelope(int algorithm, bool algorithmProtected, byte[]? kid, byte[] payload)
    {
        Algorithm = algorithm;
        AlgorithmProtected = algorithmProtected;
        Kid = kid;
        Payload = payload;
    }

    /// <summary>The key identifier from the protected header, else the unprotected one; null when absent.</summary>
    public byte[]? Kid { get; }

    /// <summary>The COSE algorithm (ES256 or PS256).</summary>
    public int Algorithm { get; }

    /// <summary>False when alg sits only in the unprotected header (tolerated; reported as a warning).</summary>
    public bool AlgorithmProtected { get; }

    /// <summary>The embedded payload (the CWT claims map).</summary>
    public byte[] Payload { get; }

    /// <summary>The platform's decoding, when it accepted the message; else null (verified by hand).</summary>
    internal CoseSign1Message? Message { get; init; }

    internal byte[] ProtectedBytes { get; init; } = [];

    internal byte[] Signature { get; init; } = [];
}
