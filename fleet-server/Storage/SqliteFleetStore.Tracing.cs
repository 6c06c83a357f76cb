namespace ScanPoint.FleetServer.Storage;

public sealed partial class SqliteFleetStore
{
    private TracingStore? _tracing;
    private AuditStore? _audit;

    public TracingStore Tracing => _tracing ??= new TracingStore(new SqliteManagementDatabase(this), Cipher);

    public AuditStore Audit => _audit ??= new AuditStore(new SqliteManagementDatabase(this));
}
