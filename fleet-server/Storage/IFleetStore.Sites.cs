using ScanPoint.FleetServer.Sites;

namespace ScanPoint.FleetServer.Storage;

/// <summary>The site registry: district, name and coordinates of the sites devices are registered at.</summary>
public partial interface IFleetStore
{
    /// <summary>The sites of this store.</summary>
    SiteStore Sites { get; }
}
