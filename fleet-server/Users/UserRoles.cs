namespace ScanPoint.FleetServer.Users;

/// <summary>
/// The roles of the people who run the fleet: <c>admin</c> (everything, every province), <c>operator</c> (devices,
/// config, commands, enrolment codes), <c>technician</c> (enrolment codes, device health), <c>tracer</c> (tracing
/// queries, under audit), <c>auditor</c> (reads the audit log). A user with a province acts only there.
/// </summary>
public static class UserRoles
{
    public const string Admin = "admin";
    public const string Operator = "operator";
    public const string Technician = "technician";
    public const string Tracer = "tracer";
    public const string Auditor = "auditor";

    public static readonly IReadOnlyList<string> All = [Admin, Operator, Technician, Tracer, Auditor];

    /// <summary>The claim carrying the province a user is limited to (absent = all provinces).</summary>
    public const string ProvinceClaim = "scanpoint:province";
}
