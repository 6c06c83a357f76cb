using System.Text.Json.Nodes;

namespace ScanPoint.Credentials.CertLogic;

/// <summary>
/// The outcome of evaluating a CertLogic expression: a value, or an error with a stable code
/// (<see cref="CertLogicCodes"/>) and a message that names the operation, never the data.
/// </summary>
public sealed record CertLogicResult
{
    private CertLogicResult(bool isSuccess, JsonNode? value, string? code, string? error)
    {
        IsSuccess = isSuccess;
        Value = value;
        Code = code;
        Error = error;
    }

    /// <summary>True when the expression evaluated to <see cref="Value"/>.</summary>
    public bool IsSuccess { get; }

    /// <summary>
    /// The value (null is a valid value). It may be a node of the data context: treat it as read-only.
    /// Date-times are <see cref="JsonValue"/>s holding a UTC <see cref="DateTimeOffset"/>.
    /// </summary>
    public JsonNode? Value { get; }

    /// <summary>The error code, or null on success.</summary>
    public string? Code { get; }

    /// <summary>What went wrong, or null on success.</summary>
    public string? Error { get; }

    internal static CertLogicResult Success(JsonNode? value) => new(true, value, null, null);

    internal static CertLogicResult Failure(string code, string error) => new(false, null, code, error);
}
