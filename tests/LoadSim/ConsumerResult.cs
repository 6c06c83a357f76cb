using System.Globalization;

namespace ScanPoint.LoadSim;

/// <summary>The consuming fleet server in external-broker mode: memory, CPU, ingest keeping up, reconnect.</summary>
internal sealed record ConsumerResult(long ConnectedRss, long PeakRss, double CpuCores, long Published, long Received, TimeSpan? Reconnect)
{
    public const string Header = """
        | consumer (external mode) | RSS at steady start (MB) | RSS peak (MB) | CPU (of one core) | births + heartbeats published | received by the fleet | fleet subscribed again after broker kill -9 + restart |
        | --- | --- | --- | --- | --- | --- | --- |
        """;

    public string Row(string target) => string.Create(CultureInfo.InvariantCulture,
        $"| {target} | {ConnectedRss / 1048576.0:0.0} | {PeakRss / 1048576.0:0.0} | {CpuCores * 100:0.0} % | {Published} | {Received} | {(Reconnect is { } r ? $"{r.TotalSeconds:0.0} s" : "no")} |");
}
