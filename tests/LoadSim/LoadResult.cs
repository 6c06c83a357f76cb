using System.Globalization;

namespace ScanPoint.LoadSim;

/// <summary>What one target did under the load.</summary>
internal sealed record LoadResult(
    string Target, int Kiosks, bool AllConnected, long BaselineRss, long ConnectedRss, long PeakRss, double CpuCores, long Heartbeats, TimeSpan? Reconnect)
{
    /// <summary>The consuming fleet server, in external-broker mode.</summary>
    public ConsumerResult? Consumer { get; init; }

    public double BytesPerConnection => (ConnectedRss - BaselineRss) / (double)Kiosks;

    public string Row() => string.Create(CultureInfo.InvariantCulture,
        $"| {Target} | {Kiosks} | {(AllConnected ? "yes" : "NO")} | {BaselineRss / 1048576.0:0.0} | {ConnectedRss / 1048576.0:0.0} | {PeakRss / 1048576.0:0.0} | {BytesPerConnection / 1024:0.0} | {CpuCores * 100:0.0} % | {Heartbeats} | {(Reconnect is { } r ? $"{r.TotalSeconds:0.0} s" : "not all")} |");

    public const string Header = """
        | broker | kiosks | all connected | RSS idle, no clients (MB) | RSS all connected (MB) | RSS peak under heartbeats (MB) | KB per connection | CPU (of one core) | heartbeats | all back after kill -9 + restart |
        | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |
        """;
}
