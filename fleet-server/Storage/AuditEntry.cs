namespace ScanPoint.FleetServer.Storage;

/// <summary>
/// One line of the append-only audit log: who (user and role) did what (<c>tracing.person</c>, …) with which
/// parameters (JSON; a person key as given, never names) and how many rows it returned.
/// </summary>
public sealed record AuditEntry(long Id, DateTimeOffset At, string UserName, string Role, string Action, string Parameters, int Rows);
