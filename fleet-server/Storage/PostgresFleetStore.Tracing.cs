namespace ScanPoint.FleetServer.Storage;

public sealed partial class PostgresFleetStore
{
    private TracingStore? _tracing;
    private AuditStore? _audit;

    public TracingStore Tracing => _tracing ??= new TracingStore(new PostgresManagementDatabase(this), Cipher);

    public AuditStore Audit => _audit ??= new AuditStore(new PostgresManagementDatabase(this));
}
