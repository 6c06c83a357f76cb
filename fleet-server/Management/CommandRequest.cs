using ScanPoint.Contracts.Management;

namespace ScanPoint.FleetServer.Management;

/// <summary>The body of <c>POST /api/devices/{id}/commands</c>: the command's name and how long it may wait (<c>15m</c> by default; <c>30s</c>, <c>2h</c>, <c>1d</c>; at most 7 days).</summary>
public sealed record CommandRequest(string? Name, string? ExpiresIn)
{
    public static readonly TimeSpan DefaultExpiry = TimeSpan.FromMinutes(15);
    public static readonly TimeSpan MaxExpiry = TimeSpan.FromDays(7);

    /// <summary>How long the command may wait, or null when <see cref="ExpiresIn"/> is not a duration within bounds.</summary>
    public TimeSpan? Expiry() =>
        ExpiresIn is null ? DefaultExpiry
        : ExpiresIn.Length <= 8 && CommandArgs.Duration(ExpiresIn) is { } d && d > TimeSpan.Zero && d <= MaxExpiry ? d
        : null;

    /// <summary>Why the request is refused, or null.</summary>
    public string? Problem() =>
        Name is null || !CommandIssued.Names.Contains(Name) ? $"name must be one of {string.Join(", ", CommandIssued.Names)}"
        : Expiry() is null ? "expiresIn must be a duration such as 30s, 15m, 2h, 1d (at most 7d)"
        : null;
}
