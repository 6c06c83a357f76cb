namespace ScanPoint.FleetServer.Tests.Users;

/// <summary>How a user's province applies to a row of the role matrix.</summary>
public enum ProvinceRule
{
    /// <summary>No province involved (counters, documents, device-facing endpoints).</summary>
    None,

    /// <summary>The request names a device, province or code of one province: outside the user's it is 403.</summary>
    Target,

    /// <summary>A list: every caller of the policy gets it, holding only the provinces they may see (<see cref="MatrixRow.ListMarker"/>).</summary>
    List,
}
