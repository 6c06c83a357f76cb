namespace ScanPoint.Kiosk.Verification;

/// <summary>What one trust update attempt did: a short stable code (the loader's codes for a refused bundle) and why.</summary>
public sealed record TrustUpdateResult(string Code, string Reason)
{
    public const string Updated = "UPDATED";
    public const string NotNewer = "NOT_NEWER";
    public const string DownloadFailed = "DOWNLOAD";
    public const string TooLarge = "SIZE";
    public const string HashMismatch = "HASH";
    public const string NoAnnouncement = "NO_ANNOUNCEMENT";

    public bool IsUpdated => Code == Updated;
}
