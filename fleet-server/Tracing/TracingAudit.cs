using System.Security.Claims;
using System.Text.Json;
using ScanPoint.FleetServer.Storage;

namespace ScanPoint.FleetServer.Tracing;

/// <summary>
/// Writes the audit entry of a tracing request before its data leaves: if the entry cannot be committed, the caller
/// gets 503 and no data.
/// </summary>
internal sealed class TracingAudit(IFleetStore store, TimeProvider time, ILogger<TracingAudit> logger)
{
    /// <summary>The answer when the audit log cannot be written: 503, no data.</summary>
    public static IResult Unavailable => Results.Problem("The audit log cannot be written, so no tracing data is returned.", statusCode: StatusCodes.Status503ServiceUnavailable);

    /// <summary>
    /// Appends (user, role, <paramref name="action"/>, <paramref name="parameters"/> as JSON, <paramref name="rows"/>)
    /// and returns <paramref name="result"/>, or 503 when the audit log cannot be written.
    /// </summary>
    public async Task<IResult> ThenAsync(ClaimsPrincipal user, string action, IReadOnlyDictionary<string, string?> parameters, int rows, IResult result, CancellationToken cancellationToken) =>
        await AppendAsync(user, action, parameters, rows, cancellationToken).ConfigureAwait(false) ? result : Unavailable;

    /// <summary>Appends the entry; false (logged) when it could not be committed.</summary>
    public async Task<bool> AppendAsync(ClaimsPrincipal user, string action, IReadOnlyDictionary<string, string?> parameters, int rows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        var name = user.Identity?.Name ?? "";
        var entry = new AuditEntry(0, time.GetUtcNow(), name, user.FindFirstValue(ClaimTypes.Role) ?? "", action, JsonSerializer.Serialize(parameters), rows);
        long id;
        try
        {
            id = await store.Audit.AppendAsync(entry, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.AuditWriteFailed(logger, action, name, ex);
            return false;
        }

        Log.TracingQueryAudited(logger, action, name, rows, id);
        return true;
    }
}
