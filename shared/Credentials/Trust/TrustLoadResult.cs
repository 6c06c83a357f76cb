namespace ScanPoint.Credentials.Trust;

/// <summary>A loaded bundle, or the code and reason it was refused.</summary>
public sealed record TrustLoadResult(TrustBundle? Bundle, string? Code, string? Reason)
{
    public static TrustLoadResult Loaded(TrustBundle bundle) => new(bundle, null, null);

    public static TrustLoadResult Failed(string code, string reason) => new(null, code, reason);
}
