using System.Net.Http.Headers;
using ScanPoint.FleetServer.Users;

namespace ScanPoint.FleetServer.Tests.Users;

/// <summary>Who calls in the role matrix: an account (role, province or every province) or nobody.</summary>
public sealed record MatrixCaller(string? Name, string? Password, string? Role, string? Province)
{
    public static readonly MatrixCaller Anonymous = new(null, null, null, null);

    /// <summary>HTTP Basic for an account, nothing for the anonymous caller.</summary>
    public AuthenticationHeaderValue? Authorization => Name is null ? null : FleetAccounts.Basic(Name, Password!);

    /// <summary>True when this caller's role is one the policy admits.</summary>
    public bool Holds(string policy) => Role is not null && FleetPolicies.Roles[policy].Contains(Role);

    /// <summary>True when this caller may act in <paramref name="province"/>.</summary>
    public bool MaySee(string province) => Province is null || Province == province;

    public override string ToString() => Name ?? "anonymous";
}
