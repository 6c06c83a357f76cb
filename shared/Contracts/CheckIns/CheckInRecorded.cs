using System.Text.Json.Serialization;

namespace ScanPoint.Contracts.CheckIns;

/// <summary>One scan as the kiosk recorded it. Never carries the QR payload itself, only its hash.</summary>
/// <param name="Id">Kiosk-assigned ULID, unique across the fleet.</param>
/// <param name="Seq">Per-device monotonic sequence number; (device, seq) is the idempotency key.</param>
/// <param name="DeviceId">The device that recorded it.</param>
/// <param name="SiteId">The site the device stands at.</param>
/// <param name="At">Kiosk time of the scan.</param>
/// <param name="Format">Recognised code format (<see cref="CodeFormats"/>).</param>
/// <param name="Verdict">Verdict code, e.g. <c>unverified</c>, <c>accepted</c>, <c>rejected:SIG</c>.</param>
/// <param name="PayloadHash">SHA-256 of the scanned text, base64url.</param>
/// <param name="Subject">Who was scanned, when the code said so verifiably (see <see cref="CheckInSubject"/>); null for
/// codes that carry no person, failed their signature, or were recorded before subjects existed.</param>
public sealed record CheckInRecorded(
    string Id,
    long Seq,
    string DeviceId,
    string SiteId,
    DateTimeOffset At,
    string Format,
    string Verdict,
    string PayloadHash,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] CheckInSubject? Subject = null);
