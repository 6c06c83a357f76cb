using ScanPoint.Contracts.Intake;

namespace ScanPoint.FleetServer.Relay;

/// <summary>
/// How one POST of a batch ended. <see cref="Result"/> set: 2xx, every named item is settled. <see cref="Refused"/>:
/// the backend refused the whole batch for good (400, 413, 422). Otherwise transient: retry after backoff.
/// </summary>
internal sealed record IntakeOutcome(IntakeResult? Result, bool Refused, string Error)
{
    public static IntakeOutcome Delivered(IntakeResult result) => new(result, false, "");

    public static IntakeOutcome RefusedForGood(string error) => new(null, true, error);

    public static IntakeOutcome Transient(string error) => new(null, false, error);
}
