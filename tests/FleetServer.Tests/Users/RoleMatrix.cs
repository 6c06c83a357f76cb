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

    private static string Instant(int minutes) => DateTimeOffset.UtcNow.AddMinutes(minutes).ToString("O", System.Globalization.CultureInfo.InvariantCulture);

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

        // Dashboard JSON (Dashboard/DashboardApi.cs, Sites/SitesEndpoint.cs) and its stylesheet (no data)
        Get("/api/overview", FleetPolicies.View, List, _ => "/api/overview", listMarker: p => $":\"{p}\""), // "key" of a province row, or "province" of a limited user
        Get("/api/device-search", FleetPolicies.View, List, _ => "/api/device-search", listMarker: DeviceMarker),
        Get("/api/enrolment-codes", FleetPolicies.Enrol, List, _ => "/api/enrolment-codes", listMarker: ProvinceMarker),
        Get("/api/sites", FleetPolicies.View, List, _ => "/api/sites", listMarker: ProvinceMarker),
        Get("/dashboard-assets/dashboard.css", null, None, _ => "/dashboard-assets/dashboard.css"),

        // Relay (Relay/RelayEndpoints.cs): the outbox is national, dead letters and replay by province
        Get("/api/relay", FleetPolicies.View, None, _ => "/api/relay"),
        Get("/api/relay/dead-letters", FleetPolicies.View, List, _ => "/api/relay/dead-letters", listMarker: p => $"\"deviceId\":\"{Gate(p)}\"") with { Arrange = m => m.DeadLetterAllAsync() },
        Post("/api/relay/dead-letters/replay", FleetPolicies.Steer, Target, p => $"/api/relay/dead-letters/replay?province={p}", _ => null),

        // Tracing (Tracing/*Endpoints.cs): tracers only, results limited to their province, each call audited
        Get("/api/tracing/person", FleetPolicies.Trace, List, _ => $"/api/tracing/person?key={Person}", listMarker: ProvinceMarker),
        Get("/api/tracing/site", FleetPolicies.Trace, Target, p => $"/api/tracing/site?site={Site(p)}"),
        Post("/api/tracing/exposures", FleetPolicies.Trace, Target, _ => "/api/tracing/exposures", p => new { site = Site(p), from = Instant(-90), to = Instant(0), note = "matrix" }, HttpStatusCode.Created),
        Get("/api/tracing/exposures", FleetPolicies.Trace, List, _ => "/api/tracing/exposures", listMarker: ProvinceMarker),
        Get("/api/tracing/risk", FleetPolicies.Trace, List, _ => "/api/tracing/risk", listMarker: p => $"\"siteId\":\"{Site(p)}\""),
        Get("/api/audit", FleetPolicies.Audit, None, _ => "/api/audit"),

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
