using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using ScanPoint.Contracts.Devices;
using ScanPoint.FleetServer.Enrolment;
using ScanPoint.FleetServer.Health;
using ScanPoint.FleetServer.Storage;
using ScanPoint.FleetServer.Users;

namespace ScanPoint.FleetServer.Dashboard.Pages;

/// <summary>
/// <c>/enrolment</c> (policy Enrol): creates a one-time enrolment code for a province and site through
/// <see cref="EnrolmentService"/> (a province-limited user only in theirs), shows it once as a QR code, and lists the
/// codes the user may see with their status (the same list as <c>GET /api/enrolment-codes</c>).
/// </summary>
[Authorize(Policy = FleetPolicies.Enrol)]
public sealed class EnrolmentModel(EnrolmentService enrolment, IFleetStore store, TimeProvider time, IOptions<HealthOptions> health, ILogger<EnrolmentModel> logger) : PageModel
{
    public const int MaxRows = 200;

    public IReadOnlyList<EnrolmentCodeView> Codes { get; private set; } = [];

    public string? OwnProvince { get; private set; }

    public string? Error { get; private set; }

    /// <summary>The ticket just created (shown once), its QR code and record.</summary>
    public (string Ticket, string QrSvg, EnrolmentRecord Record)? Created { get; private set; }

    public async Task OnGetAsync() => await LoadAsync().ConfigureAwait(false);

    public async Task<IActionResult> OnPostAsync(string? province, string? site)
    {
        OwnProvince = ProvinceScope.Of(User);
        province = string.IsNullOrWhiteSpace(province) ? OwnProvince : province.Trim();
        site = site?.Trim();
        if (province is null || site is null || !DeviceCredential.IsName(province) || !DeviceCredential.IsName(site))
        {
            Error = "enrolment.bad";
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        else if (!User.MayActIn(province))
        {
            return Forbid();
        }
        else
        {
            var (ticket, record) = await enrolment.CreateAsync(province, site, HttpContext.RequestAborted).ConfigureAwait(false);
            var text = ticket.ToString();
            Created = (text, QrSvg.Of(text), record);
            Log.DashboardEnrolmentCreated(logger, record.CodeId, User.Identity?.Name ?? "");
        }

        await LoadAsync().ConfigureAwait(false);
        return Page();
    }

    public string Local(DateTimeOffset? at) => at?.ToOffset(health.Value.DayOffset).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture) ?? "";

    private async Task LoadAsync()
    {
        OwnProvince = ProvinceScope.Of(User);
        Codes = [.. (await DashboardApi.EnrolmentCodesAsync(HttpContext, store, time, HttpContext.RequestAborted).ConfigureAwait(false)).Take(MaxRows)];
    }
}
