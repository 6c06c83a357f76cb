namespace ScanPoint.Credentials.Dcc.Revocation;

/// <summary>
/// One revoked hash: its type, the hash (the first 16 bytes count; longer hashes are truncated), and optionally
/// the kid of the signer it was published for (null: applies to every signer).
/// </summary>
public readonly record struct RevocationEntry(RevocationHashType Type, ReadOnlyMemory<byte> Hash, ReadOnlyMemory<byte>? Kid = null);
