using System.Globalization;
using ScanPoint.FleetServer.Storage;

namespace ScanPoint.FleetServer.Tracing;

/// <summary>
/// Reads the audit log for <c>/api/audit</c> and the dashboard's audit page: newest first, default the last 90 days
/// (at most 366), <c>limit</c> 1-500 (default 100), <c>before</c> = the last id of the previous page.
/// </summary>
internal static class AuditQuery
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 500;

    /// <summary>One page of entries and the <c>before</c> of the next page (null on the last).</summary>
    public sealed record Page(TracingWindow Window, IReadOnlyList<AuditEntry> Entries, long? NextBefore);

    public static async Task<TracingAnswer<Page>> ReadAsync(IFleetStore store, DateTimeOffset now, string? from, string? to, string? user, string? before, string? limit, CancellationToken cancellationToken)
    {
        if (!TracingWindow.TryParse(from, to, now, TimeSpan.FromDays(90), TimeSpan.FromDays(366), out var window, out var error))
        {
            return TracingAnswer<Page>.Bad(error);
        }

        if (user is { Length: 0 or > 128 })
        {
            return TracingAnswer<Page>.Bad("user is 1-128 characters");
        }

        var size = DefaultLimit;
        if (limit is not null && (!int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out size) || size is < 1 or > MaxLimit))
        {
            return TracingAnswer<Page>.Bad($"limit is 1-{MaxLimit}");
        }

        long? beforeId = null;
        if (before is not null)
        {
            if (!long.TryParse(before, NumberStyles.None, CultureInfo.InvariantCulture, out var id) || id < 1)
            {
                return TracingAnswer<Page>.Bad("before is a positive entry id");
            }

            beforeId = id;
        }

        var entries = await store.Audit.ReadAsync(window.From, window.To, user, beforeId, size, cancellationToken).ConfigureAwait(false);
        return TracingAnswer<Page>.Ok(new Page(window, entries, entries.Count == size ? entries[^1].Id : null));
    }
}
