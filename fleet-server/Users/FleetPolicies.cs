using Microsoft.AspNetCore.Authorization;

namespace ScanPoint.FleetServer.Users;

/// <summary>
/// Who may do what, by role (<see cref="UserRoles"/>); a user with a province claim acts only in that province, which
/// each endpoint checks against the province of the device, site or code it touches (<see cref="ProvinceScope"/>).
/// Endpoints name one of these policies; device-facing endpoints (<c>/api/ca</c>, <c>/api/enrol</c>,
/// <c>/api/renew</c>, <c>/api/trust/bundle</c>) are anonymous on purpose (a code or a certificate is the credential),
/// and so is the OpenAPI document <c>/openapi/v1.json</c> (it describes the API and holds no data). Every policy also
/// holds the <see cref="CookieWriteRequirement"/>. The role-matrix test (<c>RoleMatrixTests</c>) fails for an endpoint
/// it has no row for.
/// </summary>
public static class FleetPolicies
{
    /// <summary>Fleet health, devices, provinces, sites, map, alerts, stats: admin, operator, technician.</summary>
    public const string View = "fleet.view";

    /// <summary>Device config, province policy, commands, revocation, relay replay: admin, operator.</summary>
    public const string Steer = "fleet.steer";

    /// <summary>Enrolment codes: admin, operator, technician.</summary>
    public const string Enrol = "fleet.enrol";

    /// <summary>Tracing queries, personal data, exposure sites, CSV export (all audited): tracer only.</summary>
    public const string Trace = "fleet.trace";

    /// <summary>The audit log: auditor only (the people audited do not read or prune their own trail).</summary>
    public const string Audit = "fleet.audit";

    /// <summary>The roles each policy admits; the role-matrix test reads the same table.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> Roles = new Dictionary<string, string[]>
    {
        [View] = [UserRoles.Admin, UserRoles.Operator, UserRoles.Technician],
        [Steer] = [UserRoles.Admin, UserRoles.Operator],
        [Enrol] = [UserRoles.Admin, UserRoles.Operator, UserRoles.Technician],
        [Trace] = [UserRoles.Tracer],
        [Audit] = [UserRoles.Auditor],
    };

    /// <summary>Registers the policies, each requiring a signed-in user in one of its roles.</summary>
    public static void Add(AuthorizationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        foreach (var (name, roles) in Roles)
        {
            options.AddPolicy(name, p => p.RequireAuthenticatedUser().RequireRole(roles).AddRequirements(new CookieWriteRequirement()));
        }
    }
}
