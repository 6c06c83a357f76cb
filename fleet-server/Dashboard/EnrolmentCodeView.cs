using ScanPoint.FleetServer.Storage;

namespace ScanPoint.FleetServer.Dashboard;

/// <summary>An enrolment code as listed to operators (never its secret or hash) with its status at a given instant.</summary>
public sealed record EnrolmentCodeView(string CodeId, string Province, string SiteId, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt, DateTimeOffset? UsedAt, string? DeviceId, string Status)
{
    public const string Open = "open";
    public const string Used = "used";
    public const string Expired = "expired";
    public const string Burnt = "burnt";

    public static EnrolmentCodeView Of(EnrolmentRecord r, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(r);
        var status = r.UsedAt is not null ? Used
            : r.FailedAttempts >= EnrolmentClaim.MaxFailedAttempts ? Burnt
            : r.ExpiresAt <= now ? Expired
            : Open;
        return new EnrolmentCodeView(r.CodeId, r.Province, r.SiteId, r.CreatedAt, r.ExpiresAt, r.UsedAt, r.DeviceId, status);
    }
}
