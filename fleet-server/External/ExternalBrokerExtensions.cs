using Microsoft.Extensions.Options;
using ScanPoint.FleetServer.Enrolment;
using ScanPoint.FleetServer.Messaging;
using ScanPoint.FleetServer.Users;

namespace ScanPoint.FleetServer.External;

/// <summary>External-broker mode: the client, its inbox and consumer, the publisher, and the address kiosks are told.</summary>
internal static class ExternalBrokerExtensions
{
    public static WebApplicationBuilder AddExternalBroker(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<ExternalBrokerOptions>().BindConfiguration(ExternalBrokerOptions.SectionName).ValidateDataAnnotations()
            .Validate(o => o.ClientCertificateFile is null || o.ClientKeyFile is not null, "ExternalBroker:ClientKeyFile must be set with ExternalBroker:ClientCertificateFile")
            .Validate(o => o.StallTimeout > o.ProbeInterval && o.ProbeInterval > TimeSpan.Zero, "ExternalBroker:StallTimeout must be longer than ExternalBroker:ProbeInterval (> 0)")
            .Validate(o => o.ReconnectMinDelay > TimeSpan.Zero && o.ReconnectMaxDelay >= o.ReconnectMinDelay, "ExternalBroker:ReconnectMinDelay must be > 0 and <= ReconnectMaxDelay")
            .Validate(o => o.SessionExpiry >= TimeSpan.Zero && o.SessionExpiry.TotalSeconds <= uint.MaxValue, "ExternalBroker:SessionExpiry is out of range")
            .ValidateOnStart();

        // Kiosks enrolled in this mode connect to the external broker: its address replaces Enrolment:Broker.
        builder.Services.AddOptions<EnrolmentOptions>().PostConfigure<IOptions<ExternalBrokerOptions>>((enrolment, external) => enrolment.Broker = external.Value.BrokerAddress);
        builder.Services.AddSingleton(s => ExternalBrokerIdentity.Load(
            s.GetRequiredService<IOptions<ExternalBrokerOptions>>().Value, s.GetRequiredService<FleetCertificateAuthority>(), s.GetRequiredService<TimeProvider>()));
        builder.Services.AddSingleton<ExternalInbox>();
        builder.Services.AddSingleton<ExternalBrokerCounters>();
        builder.Services.AddSingleton<ExternalDeviceDirectory>();
        builder.Services.AddSingleton<DeviceMessages>();
        builder.Services.AddSingleton<ExternalBrokerClient>();
        builder.Services.AddHostedService(s => s.GetRequiredService<ExternalBrokerClient>());
        builder.Services.AddHostedService<ExternalConsumer>();
        builder.Services.AddSingleton<IFleetPublisher, ExternalPublisher>();
        return builder;
    }

    public static WebApplication MapExternalBroker(this WebApplication app)
    {
        var client = app.Services.GetRequiredService<ExternalBrokerClient>();
        app.MapGet("/api/external-broker", (ExternalBrokerCounters counters, ExternalInbox inbox) => Results.Ok(new
        {
            client.ClientId,
            connected = client.IsConnected,
            counters.Connects,
            counters.ConnectFailures,
            counters.Stalls,
            counters.Received,
            counters.StalePresenceCorrected,
            inboxDepth = inbox.Depth,
        })).RequireAuthorization(FleetPolicies.View).WithName("ExternalBroker")
            .WithSummary("External-broker mode: the fleet's client, whether it is connected, and its counters")
            .Produces(StatusCodes.Status200OK, contentType: "application/json");
        Log.ExternalBrokerMode(app.Logger, app.Services.GetRequiredService<IOptions<ExternalBrokerOptions>>().Value.BrokerAddress);
        return app;
    }
}
