namespace ScanPoint.Kiosk.Commands;

/// <summary>Turns the documented switches into configuration keys; everything else passes through.</summary>
internal static class CommandLine
{
    private static readonly Dictionary<string, string> Switches = new(StringComparer.Ordinal)
    {
        ["--data-dir"] = "Kiosk:DataDir",
        ["--fleet"] = "Provision:Fleet",
        ["--credential"] = "Provision:Credential",
    };

    /// <summary>Maps <c>--data-dir X</c> to <c>--Kiosk:DataDir=X</c> and each <c>--scan-source X</c> to <c>--Kiosk:ScanSources:N=X</c>.</summary>
    public static string[] ToConfiguration(IEnumerable<string> args)
    {
        var result = new List<string>();
        var sources = 0;
        using var e = args.GetEnumerator();
        while (e.MoveNext())
        {
            var arg = e.Current;
            if (arg == "--scan-source" && e.MoveNext())
            {
                result.Add($"--Kiosk:ScanSources:{sources++}={e.Current}");
            }
            else if (Switches.TryGetValue(arg, out var key) && e.MoveNext())
            {
                result.Add($"--{key}={e.Current}");
            }
            else
            {
                result.Add(arg);
            }
        }

        return [.. result];
    }

    /// <summary>The value of <c>--name VALUE</c>, or null.</summary>
    public static string? Value(IReadOnlyList<string> args, string name)
    {
        for (var i = 0; i < args.Count - 1; i++)
        {
            if (args[i] == name)
            {
                return args[i + 1];
            }
        }

        return null;
    }
}
