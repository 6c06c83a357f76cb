using System.Globalization;

namespace ScanPoint.LoadSim;

/// <summary><c>--kiosks N --duration 5m --heartbeat 60s --target fleet|mosquitto|external|both|all --fleet-gc server|workstation</c>.</summary>
internal sealed record LoadSimOptions(int Kiosks, TimeSpan Duration, TimeSpan Heartbeat, string Target, bool FleetServerGc = true)
{
    /// <summary>The run's fleet database (devices registered) and CA, for the consuming fleet of the external mode.</summary>
    public string DatabasePath { get; init; } = "";

    public string CaDir { get; init; } = "";

    public static LoadSimOptions Parse(string[] args)
    {
        var options = new LoadSimOptions(200, TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(60), "all");
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            options = args[i] switch
            {
                "--kiosks" => options with { Kiosks = int.Parse(args[i + 1], CultureInfo.InvariantCulture) },
                "--duration" => options with { Duration = ParseDuration(args[i + 1]) },
                "--heartbeat" => options with { Heartbeat = ParseDuration(args[i + 1]) },
                "--target" => options with { Target = args[i + 1] },
                "--fleet-gc" => options with { FleetServerGc = args[i + 1] != "workstation" },
                _ => throw new ArgumentException($"unknown option {args[i]} (--kiosks N --duration 5m --heartbeat 60s --target fleet|mosquitto|external|both|all)"),
            };
        }

        return options;
    }

    private static TimeSpan ParseDuration(string text) => text[^1] switch
    {
        's' => TimeSpan.FromSeconds(double.Parse(text[..^1], CultureInfo.InvariantCulture)),
        'm' => TimeSpan.FromMinutes(double.Parse(text[..^1], CultureInfo.InvariantCulture)),
        _ => TimeSpan.Parse(text, CultureInfo.InvariantCulture),
    };
}
