using ScanPoint.Contracts.Devices;
using ScanPoint.FleetServer.Storage;
using ScanPoint.FleetServer.Users;

namespace ScanPoint.FleetServer.Enrolment;

/// <summary>
/// <c>POST /api/enrolment-codes</c> <c>{"province", "site"}</c> or <c>{"deviceId"}</c> (re-enrolment): the same one-time
/// ticket as <c>devices enroll</c>, for an admin, operator or technician signed in (HTTP Basic) and allowed in that
/// province. 201 with the ticket text (print it as a QR), its code id and expiry; 400 for bad input, 401/403 otherwise.
/// </summary>
internal static class EnrolmentCodesEndpoint
{
    public sealed record Request(string? Province, string? Site, string? DeviceId);

    public sealed record Created(string CodeId, string Province, string Site, string? DeviceId, DateTimeOffset ExpiresAt, string Ticket);

    public static WebApplication MapEnrolmentCodes(this WebApplication app)
    {
        app.MapPost("/api/enrolment-codes", async (Request request, HttpContext context, EnrolmentService enrolment, IFleetStore store, CancellationToken cancellationToken) =>
        {
            var province = request.Province;
            if (request.DeviceId is { } deviceId)
            {
                province = (await store.FindDeviceAsync(deviceId, cancellationToken).ConfigureAwait(false))?.Province;
                if (province is null)
                {
                    return Results.NotFound();
                }
            }
            else if (province is null || request.Site is null || !DeviceCredential.IsName(province) || !DeviceCredential.IsName(request.Site))
            {
                return Results.BadRequest(new { error = "province and site are required: 1-64 of A-Z a-z 0-9 _ -" });
            }

            if (!context.User.MayActIn(province))
            {
                return Results.Forbid();
            }

            try
            {
                var (ticket, record) = request.DeviceId is { } existing
                    ? await enrolment.CreateForDeviceAsync(existing, cancellationToken).ConfigureAwait(false)
                    : await enrolment.CreateAsync(province, request.Site!, cancellationToken).ConfigureAwait(false);
                var created = new Created(record.CodeId, record.Province, record.SiteId, request.DeviceId, record.ExpiresAt, ticket.ToString());
                return Results.Created($"/api/enrolment-codes/{record.CodeId}", created);
            }
            catch (ArgumentException ex)
            {
                return Results.BadRequest(new { error = ex.Message });
            }
        }).RequireAuthorization(FleetPolicies.Enrol).WithName("CreateEnrolmentCode")
            .WithSummary("A one-time enrolment ticket for a new device at a site, or for re-enrolling a device")
            .Produces<Created>(StatusCodes.Status201Created).ProducesProblem(StatusCodes.Status400BadRequest)
            .Produces(StatusCodes.Status403Forbidden).Produces(StatusCodes.Status404NotFound);
        return app;
    }
}
