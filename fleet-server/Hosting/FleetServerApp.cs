using System.Net;
using ScanPoint.FleetServer.Api;
using ScanPoint.FleetServer.Broker;
using ScanPoint.FleetServer.Ingest;
using ScanPoint.FleetServer.Storage;

namespace ScanPoint.FleetServer.Hosting;

/// <summary>Builds the fleet server: storage, broker, ingest, API. Used by Program and by in-process tests.</summary>
public static class FleetServerApp
{
    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        var http = builder.Configuration.GetSection(HttpOptions.SectionName).Get<HttpOptions>() ?? new HttpOptions();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Parse(http.Address), http.Port));
        builder.Services.AddSingleton(TimeProvider.System);
        builder.AddFleetStorage();
        builder.AddFleetBroker();
        builder.AddIngest();
        var app = builder.Build();
        app.UseFleetBroker();
        app.MapFleetApi();
        return app;
    }
}
