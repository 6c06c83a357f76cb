using System.Net;

namespace ScanPoint.FleetServer.Tests.Users;

/// <summary>
/// One endpoint of the role matrix. <see cref="Route"/> is the route pattern exactly as mapped; <see cref="Path"/> and
/// <see cref="Body"/> give a request for a sample of a province (<see cref="RoleMatrixFleet.Own"/> or
/// <see cref="RoleMatrixFleet.Other"/>) that succeeds with <see cref="Success"/> for a caller allowed there;
/// <see cref="Policy"/> null means anonymous on purpose.
/// </summary>
public sealed record MatrixRow(
    string Method,
    string Route,
    string? Policy,
    ProvinceRule Rule,
    Func<string, string> Path,
    Func<string, object?>? Body = null,
    HttpStatusCode Success = HttpStatusCode.OK,
    Func<string, string>? ListMarker = null)
{
    /// <summary>Run before each request of this row (e.g. a row whose sample another row's write consumes).</summary>
    public Func<RoleMatrixFleet, Task>? Arrange { get; init; }

    /// <summary>"GET /api/stats": how rows and endpoints are matched.</summary>
    public string Key => $"{Method} {Route}";

    public override string ToString() => Key;

    public static MatrixRow Get(string route, string? policy, ProvinceRule rule, Func<string, string> path, HttpStatusCode success = HttpStatusCode.OK, Func<string, string>? listMarker = null) =>
        new("GET", route, policy, rule, path, null, success, listMarker);

    public static MatrixRow Post(string route, string? policy, ProvinceRule rule, Func<string, string> path, Func<string, object?> body, HttpStatusCode success = HttpStatusCode.OK) =>
        new("POST", route, policy, rule, path, body, success);

}
