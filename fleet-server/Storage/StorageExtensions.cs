using Microsoft.Extensions.Options;

namespace ScanPoint.FleetServer.Storage;

/// <summary>Registers the configured <see cref="IFleetStore"/>, migrated before the server takes connections.</summary>
internal static class StorageExtensions
{
    public static WebApplicationBuilder AddFleetStorage(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton(sp =>
            FleetStoreFactory.OpenAsync(sp.GetRequiredService<IOptions<StorageOptions>>().Value, CancellationToken.None).GetAwaiter().GetResult());
        return builder;
    }
}
