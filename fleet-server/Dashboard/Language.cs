using Microsoft.Net.Http.Headers;

namespace ScanPoint.FleetServer.Dashboard;

/// <summary>
/// The dashboard's language: the <c>lang</c> cookie (set by the switch in the header) when it names one we have,
/// otherwise the first of Vietnamese or English in <c>Accept-Language</c> by preference, otherwise Vietnamese.
/// </summary>
public static class Language
{
    public const string Vietnamese = "vi";
    public const string English = "en";
    public const string CookieName = "lang";

    public static readonly IReadOnlyList<string> All = [Vietnamese, English];

    public static string Of(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Cookies.TryGetValue(CookieName, out var chosen) && All.Contains(chosen))
        {
            return chosen!;
        }

        if (StringWithQualityHeaderValue.TryParseList([.. request.Headers.AcceptLanguage.Select(v => v ?? "")], out var accepted))
        {
            foreach (var value in accepted.OrderByDescending(a => a.Quality ?? 1))
            {
                var tag = value.Value.Value ?? "";
                var primary = tag.Split('-')[0].ToLowerInvariant();
                if (All.Contains(primary) && value.Quality is not 0)
                {
                    return primary;
                }
            }
        }

        return Vietnamese;
    }
}
