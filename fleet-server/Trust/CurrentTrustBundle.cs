namespace ScanPoint.FleetServer.Trust;

/// <summary>The verified bundle the fleet serves and has announced; swapped by <see cref="TrustPublisher"/>.</summary>
internal sealed class CurrentTrustBundle
{
    private volatile TrustBundleFile? _file;

    public TrustBundleFile? File => _file;

    public void Set(TrustBundleFile file) => _file = file;
}
