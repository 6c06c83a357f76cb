using System.Net;
using ScanPoint.FleetServer.Api;
using ScanPoint.FleetServer.Broker;
using ScanPoint.FleetServer.Dashboard;
using ScanPoint.FleetServer.Enrolment;
using ScanPoint.FleetServer.External;
using ScanPoint.FleetServer.Health;
using ScanPoint.FleetServer.Ingest;
using ScanPoint.FleetServer.Management;
using ScanPoint.FleetServer.Relay;
using ScanPoint.FleetServer.Retention;
using ScanPoint.FleetServer.Storage;
using ScanPoint.FleetServer.Tracing;
using ScanPoint.FleetServer.Trust;
using ScanPoint.FleetServer.Users;

namespace ScanPoint.FleetServer.Hosting;

/// <summary>Builds the fleet server: storage, broker (embedded, or a client of an external one), ingest, API, trust distribution. Used by Program and by in-process tests.</summary>
public static class FleetServerApp
{
    /// <param name="args">Command line; configuration keys as <c>--Section:Key=value</c>.</param>
    /// <param name="configure">Extra registrations (tests add log capture here).</param>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        configure?.Invoke(builder);
        var http = builder.Configuration.GetSection(HttpOptions.SectionName).Get<HttpOptions>() ?? new HttpOptions();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Parse(http.Address), http.Port));
        builder.Services.AddSingleton(TimeProvider.System);
        builder.AddFleetStorage();
        var tls = builder.AddEnrolment();
        var mode = builder.Configuration.GetSection(BrokerOptions.SectionName).Get<BrokerOptions>()?.Mode ?? MqttMode.Embedded;
        if (mode == MqttMode.External)
        {
            builder.AddExternalBroker();
        }
        else
        {
            builder.AddFleetBroker(tls);
        }

        builder.AddIngest();
        builder.AddHealth();
        builder.AddTrust();
        builder.AddManagement();
        builder.AddUsers();
        builder.AddRelay();
        builder.AddTracing();
        builder.AddDashboard();
        builder.AddRetention();
        builder.Services.AddOpenApi(o => o.AddDocumentTransformer<FleetOpenApi>());
        var app = builder.Build();
        app.UseSecurityHeaders();
        app.UseAuthentication();
        app.UseAuthorization();
        if (mode == MqttMode.External)
        {
            app.MapExternalBroker();
        }
        else
        {
            app.UseFleetBroker();
        }

        app.MapFleetApi();
        app.MapEnrolment();
        app.MapHealth();
        app.MapTrust();
        app.MapManagement();
        app.MapEnrolmentCodes();
        app.MapTracing();
        app.MapDashboard();
        app.MapRelay();
        app.MapOpenApi().AllowAnonymous();
        return app;
    }
}
