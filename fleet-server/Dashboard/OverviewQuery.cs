using System.Security.Claims;
using ScanPoint.FleetServer.Users;

namespace ScanPoint.FleetServer.Dashboard;

/// <summary>
/// Which level of the overview a user asked for, within their province: a user limited to a province who names another
/// is refused (<see cref="Forbidden"/>), and one who names none starts at their province's districts.
/// </summary>
public static class OverviewQuery
{
    /// <summary>The overview, or null when the user may not see <paramref name="province"/>.</summary>
    public static Overview? For(ClaimsPrincipal user, FleetSnapshot snapshot, string? province, string? district)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var own = ProvinceScope.Of(user);
        if (own is not null && province is not null && province != own)
        {
            return null;
        }

        province ??= own;
        return Overview.Of(snapshot.In(own), province, province is null ? null : district);
    }
}
