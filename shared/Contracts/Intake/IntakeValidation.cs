using System.Text.RegularExpressions;

namespace ScanPoint.Contracts.Intake;

/// <summary>
/// The intake's rules, as the OpenAPI document states them. A batch-level error refuses the whole batch (400); an
/// item-level error rejects that check-in only, with one of these codes.
/// </summary>
public static partial class IntakeValidation
{
    /// <summary>The id is not a ULID (26 characters of Crockford base32, upper case).</summary>
    public const string BadId = "ID";

    /// <summary>A required field is missing, empty, too long or out of range.</summary>
    public const string BadField = "FIELD";

    /// <summary>The same id appears twice in one batch with different content.</summary>
    public const string Conflict = "CONFLICT";

    public const int MaxFieldLength = 128;

    /// <summary>The batch-level error, or an empty string.</summary>
    public static string Validate(IntakeBatch? batch, string? idempotencyKey)
    {
        if (batch is null)
        {
            return "empty body";
        }

        if (batch.BatchId is null || !BatchIdPattern().IsMatch(batch.BatchId))
        {
            return "batchId must be 1-64 characters of [A-Za-z0-9_-]";
        }

        if (idempotencyKey != batch.BatchId)
        {
            return $"the {IntakeBatch.IdempotencyKeyHeader} header must equal batchId";
        }

        if (string.IsNullOrEmpty(batch.Source) || batch.Source.Length > MaxFieldLength)
        {
            return "source missing or too long";
        }

        return batch.Items is null || batch.Items.Count == 0 || batch.Items.Count > IntakeBatch.MaxItems
            ? $"items must hold 1..{IntakeBatch.MaxItems} check-ins"
            : "";
    }

    /// <summary>The rejection of one check-in, or null when it is acceptable.</summary>
    public static IntakeRejection? Validate(IntakeCheckIn? item)
    {
        if (item is null)
        {
            return new IntakeRejection("", BadField, "null check-in");
        }

        if (item.Id is null || !UlidPattern().IsMatch(item.Id))
        {
            return new IntakeRejection(item.Id ?? "", BadId, "id must be a ULID");
        }

        string?[] required = [item.DeviceId, item.SiteId, item.Province, item.Format, item.Verdict, item.PayloadHash];
        if (required.Any(f => string.IsNullOrEmpty(f) || f.Length > MaxFieldLength) || item.Seq < 1)
        {
            return new IntakeRejection(item.Id, BadField, "a required field is missing, too long or out of range");
        }

        return item.PersonKey?.Length > MaxFieldLength || item.PersonName?.Length > MaxFieldLength
            || (item.PersonBirthDate is { } birth && !BirthDatePattern().IsMatch(birth))
            ? new IntakeRejection(item.Id, BadField, "a person field is too long or malformed")
            : null;
    }

    [GeneratedRegex("^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$", RegexOptions.CultureInvariant)]
    private static partial Regex BirthDatePattern();

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$", RegexOptions.CultureInvariant)]
    private static partial Regex BatchIdPattern();

    [GeneratedRegex("^[0-9A-HJKMNP-TV-Z]{26}$", RegexOptions.CultureInvariant)]
    private static partial Regex UlidPattern();
}
