using System.Net;
using ScanPoint.FleetServer.Users;
using static ScanPoint.FleetServer.Tests.Users.MatrixRow;
using static ScanPoint.FleetServer.Tests.Users.ProvinceRule;
using static ScanPoint.FleetServer.Tests.Users.RoleMatrixFleet;

namespace ScanPoint.FleetServer.Tests.Users;

/// <summary>
/// Every endpoint of the fleet server with its policy and a request that succeeds (<see cref="RoleMatrixTests"/>).
/// A new endpoint needs a row here or the tests fail. The sample fleet (<see cref="RoleMatrixFleet"/>) has per province
/// p (HN, SG): devices <c>Kiosk(p)</c> and <c>Gone(p)</c> (for revocation), each with an open alert and a command
/// <c>Command(p)</c> with logs.
/// </summary>
public static class RoleMatrix
{
    /// <summary>External-broker mode only; checked against an external fleet in <c>RoleMatrixTests</c>.</summary>
    public const string ExternalBrokerRoute = "/api/external-broker";

    private static readonly Func<string, string> DeviceMarker = p => $"\"deviceId\":\"{Kiosk(p)}\"";
    private static readonly Func<string, string> ProvinceMarker = p => $"\"province\":\"{p}\"";

    public static readonly IReadOnlyList<MatrixRow> Rows =
    [
        // Fleet health (Health/HealthEndpoints.cs, Api/StatsEndpoint.cs)
        Get("/api/stats", FleetPolicies.View, List, _ => "/api/stats", listMarker: DeviceMarker),
        Get("/api/devices", FleetPolicies.View, List, _ => "/api/devices", listMarker: ProvinceMarker),
        Get("/api/devices/{deviceId}/activity", FleetPolicies.View, Target, p => $"/api/devices/{Kiosk(p)}/activity?days=7"),
        Get("/api/devices/{deviceId}/heartbeats", FleetPolicies.View, Target, p => $"/api/devices/{Kiosk(p)}/heartbeats?hours=2"),
        Get("/api/provinces", FleetPolicies.View, List, _ => "/api/provinces", listMarker: ProvinceMarker),

        // Device management (Management/ManagementEndpoints.cs, ManagementWriteEndpoints.cs)
        Get("/api/devices/{deviceId}/config", FleetPolicies.View, Target, p => $"/api/devices/{Kiosk(p)}/config"),
        Post("/api/devices/{deviceId}/config", FleetPolicies.Steer, Target, p => $"/api/devices/{Kiosk(p)}/config", _ => new { set = new Dictionary<string, string> { ["display.brightness"] = "70" } }),
        Get("/api/devices/{deviceId}/commands", FleetPolicies.View, Target, p => $"/api/devices/{Kiosk(p)}/commands"),
        Post("/api/devices/{deviceId}/commands", FleetPolicies.Steer, Target, p => $"/api/devices/{Kiosk(p)}/commands", _ => new { name = "self-test", expiresIn = "5m" }, HttpStatusCode.Created),
        Get("/api/devices/{deviceId}/commands/{commandId}/logs", FleetPolicies.View, Target, p => $"/api/devices/{Kiosk(p)}/commands/{Command(p)}/logs"),
        Get("/api/devices/{deviceId}/alerts", FleetPolicies.View, Target, p => $"/api/devices/{Kiosk(p)}/alerts"),
        Get("/api/alerts", FleetPolicies.View, List, _ => "/api/alerts", listMarker: DeviceMarker),
        Post("/api/devices/{deviceId}/revoke", FleetPolicies.Steer, Target, p => $"/api/devices/{Gone(p)}/revoke", _ => null),
        Get("/api/provinces/{province}/policy", FleetPolicies.View, Target, p => $"/api/provinces/{p}/policy"),
        Post("/api/provinces/{province}/policy", FleetPolicies.Steer, Target, p => $"/api/provinces/{p}/policy", _ => new { set = new Dictionary<string, string> { ["door.mode"] = "venue" }, unset = new[] { "old.key" } }),

        // Enrolment (Enrolment/EnrolmentCodesEndpoint.cs)
        Post("/api/enrolment-codes", FleetPolicies.Enrol, Target, _ => "/api/enrolment-codes", p => new { province = p, site = "gate-1" }, HttpStatusCode.Created),

        // Device-facing, anonymous on purpose (a ticket code, a certificate or a signature is the credential).
        // On the plain HTTP endpoint enrol and renew answer 404 (HTTPS only); this fleet has no trust bundle yet.
        Get("/api/ca", null, None, _ => "/api/ca"),
        Post("/api/enrol", null, None, _ => "/api/enrol", _ => new { code = "unknown", csr = "none" }, HttpStatusCode.NotFound),
        Post("/api/renew", null, None, _ => "/api/renew", _ => new { csr = "none" }, HttpStatusCode.NotFound),
        Get("/api/trust/bundle", null, None, _ => "/api/trust/bundle", HttpStatusCode.NotFound),

        // The OpenAPI document: anonymous, it describes the API and holds no data.
        Get("/openapi/{documentName}.json", null, None, _ => "/openapi/v1.json"),

        // External-broker mode only (not mapped in the embedded fleet the matrix runs on).
        Get(ExternalBrokerRoute, FleetPolicies.View, None, _ => ExternalBrokerRoute),
    ];
}
