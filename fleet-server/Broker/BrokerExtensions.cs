using System.Net;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using Microsoft.Extensions.Options;
using MQTTnet.AspNetCore;
using MQTTnet.Server;
using ScanPoint.FleetServer.Enrolment;
using ScanPoint.FleetServer.Ingest;
using ScanPoint.FleetServer.Messaging;

namespace ScanPoint.FleetServer.Broker;

/// <summary>The embedded MQTTnet broker, hosted on Kestrel (not MQTTnet's raw TCP endpoint).</summary>
internal static class BrokerExtensions
{
    public static WebApplicationBuilder AddFleetBroker(this WebApplicationBuilder builder, FleetTls tls)
    {
        builder.Services.AddOptions<BrokerOptions>().BindConfiguration(BrokerOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        var broker = builder.Configuration.GetSection(BrokerOptions.SectionName).Get<BrokerOptions>() ?? new BrokerOptions();
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.Listen(IPAddress.Parse(broker.Address), broker.Port, l => l.UseMqtt());
            k.Listen(IPAddress.Parse(broker.Address), broker.TlsPort, l => l.UseHttps(https =>
            {
                https.ServerCertificate = tls.ServerCertificate;
                https.ClientCertificateMode = ClientCertificateMode.RequireCertificate;
                https.ClientCertificateValidation = (certificate, _, _) => tls.IsDeviceCertificate(certificate);
                https.HandshakeTimeout = broker.ConnectTimeout;
            }).UseMqtt());
        });
        builder.Services.AddHostedMqttServer(o => o.WithoutDefaultEndpoint().WithPersistentSessions().WithDefaultCommunicationTimeout(broker.ConnectTimeout));
        builder.Services.AddMqttConnectionHandler();
        builder.Services.AddConnections();
        builder.Services.AddSingleton<DeviceAuthenticator>();
        builder.Services.AddSingleton<TopicGuard>();
        builder.Services.AddSingleton<DeviceMessages>();
        builder.Services.AddSingleton<IFleetPublisher, EmbeddedPublisher>();
        builder.Services.AddHostedService<RevocationWatcher>();
        return builder;
    }

    public static WebApplication UseFleetBroker(this WebApplication app)
    {
        var auth = app.Services.GetRequiredService<DeviceAuthenticator>();
        var guard = app.Services.GetRequiredService<TopicGuard>();
        app.UseMqttServer(server =>
        {
            server.ValidatingConnectionAsync += auth.ValidateAsync;
            server.InterceptingPublishAsync += guard.InterceptPublishAsync;
            server.InterceptingSubscriptionAsync += guard.InterceptSubscriptionAsync;
        });
        var options = app.Services.GetRequiredService<IOptions<BrokerOptions>>().Value;
        Log.BrokerListening(app.Logger, options.Address, options.Port);
        return app;
    }
}
