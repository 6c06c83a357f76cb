namespace ScanPoint.FleetServer.Users;

/// <summary>Endpoint conventions for province scoping.</summary>
internal static class DeviceScopeExtensions
{
    /// <summary>Answers 404 for an unknown <c>{deviceId}</c> and 403 for one outside the user's province (<see cref="DeviceProvinceFilter"/>).</summary>
    public static TBuilder RequireDeviceInProvince<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter<TBuilder, DeviceProvinceFilter>();
}
