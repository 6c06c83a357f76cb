using System.Net;
using Microsoft.Extensions.Options;

namespace ScanPoint.NationalReceiver;

/// <summary>Builds the reference receiver: the national intake contract on Kestrel, a SQLite store, fault switches.</summary>
public static class ReceiverApp
{
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        configure?.Invoke(builder);
        builder.Services.AddOptions<ReceiverOptions>().BindConfiguration(ReceiverOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<FaultOptions>().BindConfiguration(FaultOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(sp => new FaultSwitch(sp.GetRequiredService<IOptions<FaultOptions>>().Value));
        builder.Services.AddSingleton(sp => new ReceiverStore(sp.GetRequiredService<IOptions<ReceiverOptions>>().Value.DatabasePath));
        builder.Services.AddProblemDetails();
        var receiver = builder.Configuration.GetSection(ReceiverOptions.SectionName).Get<ReceiverOptions>() ?? new ReceiverOptions();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Parse(receiver.Address), receiver.Port, listen => ReceiverTls.Configure(listen, receiver)));
        var app = builder.Build();
        app.Use((context, next) =>
        {
            // "Refuse": reset every intake request's connection without an answer, as a host going down would;
            // the receiver's own endpoints stay reachable so that a test can switch it back.
            if (!context.Request.Path.StartsWithSegments("/receiver") && context.RequestServices.GetRequiredService<FaultSwitch>().RefuseConnection())
            {
                context.Abort();
                return Task.CompletedTask;
            }

            return next(context);
        });
        app.MapIntake();
        app.MapAdmin();
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var store = app.Services.GetRequiredService<ReceiverStore>();
            var faults = app.Services.GetRequiredService<FaultSwitch>().Current;
            var logger = app.Services.GetRequiredService<ILogger<ReceiverStore>>();
            Log.Listening(logger, receiver.Address, receiver.Port, store.Counts().Held, receiver.DatabasePath);
            Log.FaultsSet(logger, faults.FailPercent, faults.SlowPercent, faults.SlowDelay, faults.Refuse);
        });
        return app;
    }
}
