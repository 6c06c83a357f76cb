namespace ScanPoint.Benchmarks.Drain;

/// <summary>One drain: when the fleet's <c>/api/stats</c> first showed every check-in, and when the kiosk's outbox was empty.</summary>
/// <param name="KioskCores">Cores the kiosk process kept busy on average until all were stored.</param>
/// <param name="FleetCores">Cores this process (the fleet server) kept busy meanwhile.</param>
/// <param name="MachineCpu">Share of the machine's cores busy meanwhile (PostgreSQL included).</param>
internal sealed record DrainRun(
    string Store, long CheckIns, TimeSpan? AllStored, TimeSpan? OutboxEmpty, double? KioskCores, double? FleetCores, double? MachineCpu, string? Error)
{
    public double? PerSecond => AllStored is { } t ? CheckIns / t.TotalSeconds : null;
}
