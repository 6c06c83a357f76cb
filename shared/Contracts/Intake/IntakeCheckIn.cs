namespace ScanPoint.Contracts.Intake;

/// <summary>
/// One check-in as the national tracing backend receives it (<c>national-intake.openapi.json</c>, schema
/// <c>CheckIn</c>). The backend de-duplicates by <see cref="Id"/>; (<see cref="DeviceId"/>, <see cref="Seq"/>) names
/// the same check-in on the fleet.
/// </summary>
/// <param name="Id">Kiosk-assigned ULID, unique nationally: the per-check-in idempotency key.</param>
/// <param name="DeviceId">The scan point that recorded it.</param>
/// <param name="Seq">The device's sequence number of it.</param>
/// <param name="SiteId">The site the device stands at.</param>
/// <param name="Province">The device's province code.</param>
/// <param name="At">Kiosk time of the scan.</param>
/// <param name="Format">Recognised code format (<c>dcc</c>, <c>shc</c>, <c>dcl</c>, <c>vds-nc</c>, <c>cccd</c>, <c>unknown</c>).</param>
/// <param name="Verdict">Verdict code, e.g. <c>accepted</c>, <c>rejected:SIG</c>.</param>
/// <param name="PayloadHash">SHA-256 of the scanned text, base64url.</param>
/// <param name="ReceivedAt">When the fleet server committed it.</param>
/// <param name="PersonKey">Optional: the person's pseudonymous key (the same across their credentials), when the fleet holds one.</param>
/// <param name="PersonName">Optional subject name, when the fleet holds one.</param>
/// <param name="PersonBirthDate">Optional subject date of birth as far as known (YYYY, YYYY-MM or YYYY-MM-DD).</param>
public sealed record IntakeCheckIn(
    string Id,
    string DeviceId,
    long Seq,
    string SiteId,
    string Province,
    DateTimeOffset At,
    string Format,
    string Verdict,
    string PayloadHash,
    DateTimeOffset ReceivedAt,
    string? PersonKey = null,
    string? PersonName = null,
    string? PersonBirthDate = null);
