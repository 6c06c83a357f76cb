using System.Security.Claims;

namespace ScanPoint.FleetServer.Users;

/// <summary>The province a signed-in user is limited to (none = every province).</summary>
public static class ProvinceScope
{
    /// <summary>The user's province, or null when the user acts in every province.</summary>
    public static string? Of(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.FindFirst(UserRoles.ProvinceClaim)?.Value;
    }

    /// <summary>True when <paramref name="user"/> may act in <paramref name="province"/>.</summary>
    public static bool MayActIn(this ClaimsPrincipal user, string province) => Of(user) is not { } own || own == province;
}
