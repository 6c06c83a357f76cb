using Microsoft.AspNetCore.Authentication;

namespace ScanPoint.FleetServer.Users;

/// <summary>Registers sign-in (HTTP Basic against the users table) and role-based authorization.</summary>
internal static class UsersExtensions
{
    public static WebApplicationBuilder AddUsers(this WebApplicationBuilder builder)
    {
        builder.Services.AddAuthentication(PasswordAuthentication.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, PasswordAuthentication>(PasswordAuthentication.SchemeName, null);
        builder.Services.AddAuthorization();
        return builder;
    }

    /// <summary>True when <paramref name="user"/> may act in <paramref name="province"/> (no province claim = every province).</summary>
    public static bool MayActIn(this System.Security.Claims.ClaimsPrincipal user, string province) =>
        user.FindFirst(UserRoles.ProvinceClaim)?.Value is not { } own || own == province;
}
