using System.Data.Common;
using ScanPoint.FleetServer.Storage;

namespace ScanPoint.FleetServer.Sites;

/// <summary>The site registry (<see cref="SiteSql"/>) over either store's database.</summary>
public sealed class SiteStore(ManagementDatabase db)
{
    /// <summary>Adds or replaces each site (keyed by province and site id) in one transaction; returns how many.</summary>
    public Task<int> UpsertAsync(IReadOnlyList<SiteRecord> sites, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sites);
        return db.WriteAsync(
            async c =>
            {
                await using var transaction = await c.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
                foreach (var s in sites)
                {
                    await using var command = DbCommands.Create(c, SiteSql.Upsert, ("province", s.Province), ("site_id", s.SiteId), ("district", s.District), ("name", s.Name), ("latitude", s.Latitude), ("longitude", s.Longitude));
                    command.Transaction = transaction;
                    await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }

                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                return sites.Count;
            },
            cancellationToken);
    }

    /// <summary>Every site, or those of one province, ordered by province, district, site id.</summary>
    public Task<IReadOnlyList<SiteRecord>> ListAsync(string? province, CancellationToken cancellationToken) =>
        db.ReadAsync<IReadOnlyList<SiteRecord>>(
            async c =>
            {
                await using var command = province is null
                    ? DbCommands.Create(c, SiteSql.SelectAll)
                    : DbCommands.Create(c, SiteSql.SelectProvince, ("province", province));

                await using var r = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                var list = new List<SiteRecord>();
                while (await r.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    list.Add(new SiteRecord(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), Nullable(r, 4), Nullable(r, 5)));
                }

                return list;
            },
            cancellationToken);

    private static double? Nullable(DbDataReader r, int ordinal) => r.IsDBNull(ordinal) ? null : r.GetDouble(ordinal);
}
