using ScanPoint.FleetServer.Sites;

namespace ScanPoint.FleetServer.Storage;

public sealed partial class PostgresFleetStore
{
    private SiteStore? _sites;

    public SiteStore Sites => _sites ??= new SiteStore(new PostgresManagementDatabase(this));
}
