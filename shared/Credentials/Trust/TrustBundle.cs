namespace ScanPoint.Credentials.Trust;

/// <summary>A verified trust bundle, ready for the verifiers.</summary>
public sealed record TrustBundle(long Version, DateTimeOffset IssuedAt, TimeSpan DscMaxAge, DscTrustList Dsc)
{
    /// <summary>Whether the DSC section is past its maximum age at <paramref name="now"/>.</summary>
    public bool IsDscStale(DateTimeOffset now) => now - IssuedAt > DscMaxAge;
}
