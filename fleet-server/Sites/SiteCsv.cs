using System.Globalization;
using ScanPoint.Contracts.Devices;

namespace ScanPoint.FleetServer.Sites;

/// <summary>
/// Reads a site list: header <c>site,province,district,name,lat,lon</c>, one site a line, comma-separated, no quoting
/// (names must not contain commas); <c>lat</c>/<c>lon</c> may both be empty. Bounded: at most <see cref="MaxLines"/>
/// lines of at most <see cref="MaxLineLength"/> characters. Any bad line fails the whole file with its line number.
/// </summary>
public static class SiteCsv
{
    public const string Header = "site,province,district,name,lat,lon";
    public const int MaxLines = 200_000;
    public const int MaxLineLength = 1_000;
    public const int MaxTextLength = 200;

    /// <summary>The sites, or the first error (with its line number).</summary>
    public static async Task<(IReadOnlyList<SiteRecord> Sites, string? Error)> ReadAsync(TextReader reader, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var header = await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false);
        if (header?.Trim().TrimStart('\uFEFF') != Header)
        {
            return ([], $"line 1: the header must be '{Header}'");
        }

        var sites = new List<SiteRecord>();
        var seen = new HashSet<(string, string)>();
        var number = 1;
        while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            number++;
            if (number > MaxLines)
            {
                return ([], $"more than {MaxLines} lines");
            }

            if (line.Length > MaxLineLength)
            {
                return ([], $"line {number}: longer than {MaxLineLength} characters");
            }

            if (line.Trim().Length == 0)
            {
                continue;
            }

            if (Parse(line, out var site) is { } error)
            {
                return ([], $"line {number}: {error}");
            }

            if (!seen.Add((site!.Province, site.SiteId)))
            {
                return ([], $"line {number}: site '{site.SiteId}' of province '{site.Province}' appears twice");
            }

            sites.Add(site);
        }

        return (sites, null);
    }

    private static string? Parse(string line, out SiteRecord? site)
    {
        site = null;
        var f = line.Split(',');
        if (f.Length != 6)
        {
            return $"expected 6 fields, found {f.Length}";
        }

        var (id, province, district, name) = (f[0].Trim(), f[1].Trim(), f[2].Trim(), f[3].Trim());
        if (!DeviceCredential.IsName(id) || !DeviceCredential.IsName(province))
        {
            return "site and province must be 1-64 of A-Z a-z 0-9 _ -";
        }

        if (district.Length is 0 or > MaxTextLength || name.Length is 0 or > MaxTextLength)
        {
            return $"district and name must be 1-{MaxTextLength} characters";
        }

        var (lat, lon) = (f[4].Trim(), f[5].Trim());
        if (lat.Length == 0 && lon.Length == 0)
        {
            site = new SiteRecord(id, province, district, name, null, null);
            return null;
        }

        if (!double.TryParse(lat, NumberStyles.Float, CultureInfo.InvariantCulture, out var latitude) || latitude is < -90 or > 90
            || !double.TryParse(lon, NumberStyles.Float, CultureInfo.InvariantCulture, out var longitude) || longitude is < -180 or > 180)
        {
            return "lat and lon must both be empty, or decimal degrees (-90..90, -180..180)";
        }

        site = new SiteRecord(id, province, district, name, latitude, longitude);
        return null;
    }
}
