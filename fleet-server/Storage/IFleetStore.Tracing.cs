namespace ScanPoint.FleetServer.Storage;

/// <summary>Tracing queries over the check-ins and the append-only audit log of who ran them.</summary>
public partial interface IFleetStore
{
    /// <summary>Tracing: a person's visits, a site's check-ins, exposure sites.</summary>
    TracingStore Tracing { get; }

    /// <summary>The audit log (append-only; the database refuses UPDATE and DELETE).</summary>
    AuditStore Audit { get; }
}
