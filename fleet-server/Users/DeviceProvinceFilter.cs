using ScanPoint.FleetServer.Storage;

namespace ScanPoint.FleetServer.Users;

/// <summary>
/// For endpoints under <c>/api/devices/{deviceId}</c>: 404 when the device is unknown, 403 when its province is outside
/// the signed-in user's (<see cref="ProvinceScope"/>); otherwise the endpoint runs. Apply with
/// <see cref="DeviceScopeExtensions.RequireDeviceInProvince{TBuilder}"/>.
/// </summary>
internal sealed class DeviceProvinceFilter(IFleetStore store) : IEndpointFilter
{
    /// <summary>The route value naming the device.</summary>
    public const string RouteKey = "deviceId";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.HttpContext;
        if (http.Request.RouteValues[RouteKey] is not string deviceId
            || await store.FindDeviceAsync(deviceId, http.RequestAborted).ConfigureAwait(false) is not { } device)
        {
            return Results.Problem("no such device", statusCode: StatusCodes.Status404NotFound);
        }

        if (!http.User.MayActIn(device.Province))
        {
            Log.OutsideProvince(http.RequestServices.GetRequiredService<ILogger<DeviceProvinceFilter>>(), http.User.Identity?.Name, http.Request.Path, device.Province);
            return Results.Problem($"device '{deviceId}' is in province {device.Province}, outside yours", statusCode: StatusCodes.Status403Forbidden);
        }

        return await next(context).ConfigureAwait(false);
    }
}
