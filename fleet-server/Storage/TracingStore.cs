using System.Data.Common;
using ScanPoint.FleetServer.Privacy;

namespace ScanPoint.FleetServer.Storage;

/// <summary>
/// Tracing over either store's database (<see cref="TracingSql"/>): the places a person visited, the check-ins at a
/// site, who overlapped in time with a person there, and exposure sites. Every query is bounded by a time window and
/// a row limit; a non-null province limits it to check-ins of devices in that province. Names and birth dates are
/// opened here, for the rows returned only.
/// </summary>
public sealed class TracingStore(ManagementDatabase db, PersonalDataCipher cipher)
{
    /// <summary>The check-ins of <paramref name="personKey"/> in [<paramref name="from"/>, <paramref name="to"/>), oldest first, at most <paramref name="max"/>.</summary>
    public Task<TracingResult> PersonVisitsAsync(string personKey, DateTimeOffset from, DateTimeOffset to, string? province, int max, CancellationToken cancellationToken) =>
        QueryAsync(TracingSql.PersonVisits, ("key", personKey), from, to, province, max, cancellationToken);

    /// <summary>The check-ins at <paramref name="siteId"/> in [<paramref name="from"/>, <paramref name="to"/>), oldest first, at most <paramref name="max"/>.</summary>
    public Task<TracingResult> SiteCheckInsAsync(string siteId, DateTimeOffset from, DateTimeOffset to, string? province, int max, CancellationToken cancellationToken) =>
        QueryAsync(TracingSql.SiteCheckIns, ("site", siteId), from, to, province, max, cancellationToken);

    /// <summary>Check-ins of identified people (with a person key) at <paramref name="siteId"/> in the window.</summary>
    public Task<TracingResult> SitePeopleAsync(string siteId, DateTimeOffset from, DateTimeOffset to, string? province, int max, CancellationToken cancellationToken) =>
        QueryAsync(TracingSql.SitePeople, ("site", siteId), from, to, province, max, cancellationToken);

    /// <summary>
    /// Other people's check-ins at <paramref name="siteId"/> within ±<paramref name="overlap"/> of each visit of
    /// <paramref name="personKey"/> there in the window. Returns the person's visits and the overlapping check-ins.
    /// </summary>
    public async Task<(TracingResult Visits, TracingResult Overlapping)> OverlapsAsync(
        string siteId, string personKey, DateTimeOffset from, DateTimeOffset to, TimeSpan overlap, string? province, int max, CancellationToken cancellationToken)
    {
        var all = await PersonVisitsAsync(personKey, from, to, province, max, cancellationToken).ConfigureAwait(false);
        var visits = all.CheckIns.Where(c => c.SiteId == siteId).ToList();
        var seen = new HashSet<(string, DateTimeOffset, string?)>();
        var overlapping = new List<TracingCheckIn>();
        var truncated = false;
        foreach (var (start, end) in Merge(visits.Select(v => (v.At - overlap, v.At + overlap))))
        {
            var found = await SitePeopleAsync(siteId, start, end, province, max, cancellationToken).ConfigureAwait(false);
            truncated |= found.Truncated;
            overlapping.AddRange(found.CheckIns.Where(c => c.PersonKey != personKey && seen.Add((c.DeviceId, c.At, c.PersonKey))));
        }

        truncated |= overlapping.Count > max;
        return (new TracingResult(visits, all.Truncated), new TracingResult([.. overlapping.Take(max)], truncated));
    }

    /// <summary>The provinces of the devices registered at <paramref name="siteId"/> (none: no such site).</summary>
    public Task<IReadOnlyList<string>> SiteProvincesAsync(string siteId, CancellationToken cancellationToken) =>
        db.ReadAsync<IReadOnlyList<string>>(
            async c =>
            {
                await using var command = DbCommands.Create(c, TracingSql.SiteProvinces, ("site", siteId));
                await using var r = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                var provinces = new List<string>();
                while (await r.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    provinces.Add(r.GetString(0));
                }

                return provinces;
            },
            cancellationToken);

    /// <summary>Marks <paramref name="siteId"/> as an exposure site for [<paramref name="from"/>, <paramref name="to"/>); returns it with its id.</summary>
    public async Task<TracingExposure> AddExposureAsync(
        string siteId, string? province, DateTimeOffset from, DateTimeOffset to, string note, string createdBy, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var id = await db.WriteAsync(
            async c =>
            {
                await using var command = DbCommands.Create(
                    c, TracingSql.InsertExposure, ("site", siteId), ("province", province), ("from", db.ToDb(from)), ("to", db.ToDb(to)), ("note", note), ("created_by", createdBy), ("created_at", db.ToDb(at)));
                return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
            },
            cancellationToken).ConfigureAwait(false);
        return new TracingExposure(id, siteId, province, from, to, note, createdBy, at);
    }

    /// <summary>The newest exposures, at most <paramref name="max"/>; with a province, only that province's.</summary>
    public Task<IReadOnlyList<TracingExposure>> ExposuresAsync(string? province, int max, CancellationToken cancellationToken) =>
        db.ReadAsync<IReadOnlyList<TracingExposure>>(
            async c =>
            {
                await using var command = province is null
                    ? DbCommands.Create(c, TracingSql.Exposures, ("max", max))
                    : DbCommands.Create(c, TracingSql.ExposuresInProvince, ("province", province), ("max", max));
                await using var r = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                var exposures = new List<TracingExposure>();
                while (await r.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    exposures.Add(new TracingExposure(
                        r.GetInt64(0), r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2), db.FromDb(r, 3), db.FromDb(r, 4), r.GetString(5), r.GetString(6), db.FromDb(r, 7)));
                }

                return exposures;
            },
            cancellationToken);

    private Task<TracingResult> QueryAsync(
        string sql, (string Name, object? Value) subject, DateTimeOffset from, DateTimeOffset to, string? province, int max, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(max);
        (string, object?)[] parameters = province is null
            ? [subject, ("from", db.ToDb(from)), ("to", db.ToDb(to)), ("max", max + 1)]
            : [subject, ("from", db.ToDb(from)), ("to", db.ToDb(to)), ("max", max + 1), ("province", province)];
        var text = sql + (province is null ? "" : TracingSql.InProvince) + TracingSql.OrderedLimited;
        return db.ReadAsync(
            async c =>
            {
                await using var command = DbCommands.Create(c, text, parameters);
                await using var r = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                var rows = new List<TracingCheckIn>();
                while (await r.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    rows.Add(Read(r));
                }

                return rows.Count > max ? new TracingResult(rows[..max], true) : new TracingResult(rows, false);
            },
            cancellationToken);
    }

    private TracingCheckIn Read(DbDataReader r)
    {
        var deviceId = r.GetString(2);
        var seq = r.GetInt64(3);
        return new TracingCheckIn(
            r.GetString(0),
            r.GetString(1),
            deviceId,
            db.FromDb(r, 4),
            r.GetString(5),
            r.IsDBNull(6) ? null : r.GetString(6),
            cipher.Open(r.IsDBNull(7) ? null : r.GetString(7), deviceId, seq),
            cipher.Open(r.IsDBNull(8) ? null : r.GetString(8), deviceId, seq));
    }

    /// <summary>Sorted, overlapping intervals joined.</summary>
    private static List<(DateTimeOffset Start, DateTimeOffset End)> Merge(IEnumerable<(DateTimeOffset Start, DateTimeOffset End)> intervals)
    {
        var merged = new List<(DateTimeOffset Start, DateTimeOffset End)>();
        foreach (var (start, end) in intervals.OrderBy(i => i.Start))
        {
            if (merged.Count > 0 && start <= merged[^1].End)
            {
                merged[^1] = (merged[^1].Start, end > merged[^1].End ? end : merged[^1].End);
            }
            else
            {
                merged.Add((start, end));
            }
        }

        return merged;
    }
}
