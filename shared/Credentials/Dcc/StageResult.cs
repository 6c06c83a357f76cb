using ScanPoint.Credentials.Verdicts;

namespace ScanPoint.Credentials.Dcc;

/// <summary>The output of one decoding stage: a value, or the verdict that ends the chain.</summary>
public sealed class StageResult<T>
    where T : class
{
    private StageResult(T? value, Verdict? failure)
    {
        Value = value;
        Failure = failure;
    }

    /// <summary>The stage output; non-null exactly when <see cref="Failure"/> is null.</summary>
    public T? Value { get; }

    /// <summary>The rejected/unverifiable verdict when the stage failed.</summary>
    public Verdict? Failure { get; }

    public bool IsSuccess => Failure is null;

    internal static StageResult<T> Ok(T value) => new(value, null);

    internal static StageResult<T> Reject(string code) => new(null, new Verdict.Rejected(code));

    internal static StageResult<T> Unverifiable(string code) => new(null, new Verdict.Unverifiable(code));

    internal static StageResult<T> From(Verdict failure) => new(null, failure);
}
