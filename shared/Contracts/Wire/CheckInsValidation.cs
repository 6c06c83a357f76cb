using ScanPoint.Contracts.CheckIns;

namespace ScanPoint.Contracts.Wire;

/// <summary>Field bounds for a check-in batch; an empty string means valid.</summary>
public static class CheckInsValidation
{
    public const int MaxFieldLength = 128;

    public static string Validate(CheckInsRecorded batch)
    {
        if (batch.V != CheckInsRecorded.SchemaVersion)
        {
            return $"unsupported schema version {batch.V}";
        }

        if (string.IsNullOrEmpty(batch.DeviceId) || batch.DeviceId.Length > MaxFieldLength)
        {
            return "deviceId missing or too long";
        }

        if (batch.Items is null || batch.Items.Count == 0 || batch.Items.Count > CheckInsRecorded.MaxItems)
        {
            return $"items must hold 1..{CheckInsRecorded.MaxItems} check-ins";
        }

        foreach (var item in batch.Items)
        {
            var error = Validate(item, batch.DeviceId);
            if (error.Length > 0)
            {
                return error;
            }
        }

        return "";
    }

    private static string Validate(CheckInRecorded? item, string deviceId)
    {
        if (item is null)
        {
            return "null check-in";
        }

        if (item.DeviceId != deviceId)
        {
            return $"check-in {item.Seq} names another device";
        }

        if (item.Seq <= 0)
        {
            return "seq must be positive";
        }

        string?[] fields = [item.Id, item.SiteId, item.Format, item.Verdict, item.PayloadHash];
        if (!fields.All(f => !string.IsNullOrEmpty(f) && f.Length <= MaxFieldLength))
        {
            return $"check-in {item.Seq} has a missing or oversized field";
        }

        return item.Subject is null || IsBounded(item.Subject) ? "" : $"check-in {item.Seq} has a missing or oversized subject field";
    }

    private static bool IsBounded(CheckInSubject s) =>
        s.PersonKey is { Length: > 0 and <= CheckInSubject.MaxHashLength }
        && s.Name is { Length: > 0 and <= CheckInSubject.MaxNameLength }
        && (s.BirthDate is null || s.BirthDate.Length is > 0 and <= CheckInSubject.MaxBirthDateLength)
        && (s.IdNumberHash is null || s.IdNumberHash.Length is > 0 and <= CheckInSubject.MaxHashLength);
}
