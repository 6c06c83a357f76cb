namespace ScanPoint.Contracts.Intake;

/// <summary>
/// <c>POST /v1/check-ins</c>: a batch of check-ins from one fleet. <see cref="BatchId"/> is also sent as the
/// <c>Idempotency-Key</c> header; a batch re-sent with the same id and items gets the same outcome.
/// </summary>
/// <param name="BatchId">The batch's idempotency key (1–64 characters of <c>[A-Za-z0-9_-]</c>).</param>
/// <param name="Source">The sending fleet's name.</param>
/// <param name="Items">1 to <see cref="MaxItems"/> check-ins.</param>
public sealed record IntakeBatch(string BatchId, string Source, IReadOnlyList<IntakeCheckIn> Items)
{
    /// <summary>Most check-ins one batch may carry; larger batches are refused whole (413).</summary>
    public const int MaxItems = 5000;

    /// <summary>The header carrying <see cref="BatchId"/>.</summary>
    public const string IdempotencyKeyHeader = "Idempotency-Key";

    /// <summary>The intake route.</summary>
    public const string Path = "/v1/check-ins";
}
