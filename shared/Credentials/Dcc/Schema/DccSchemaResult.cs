namespace ScanPoint.Credentials.Dcc.Schema;

/// <summary>
/// The outcome of validating one DCC payload: the schema version used (null when none fits) and the first
/// error as "<c>/json/pointer: keyword</c>" (never a value from the payload); null when valid.
/// </summary>
public sealed record DccSchemaResult(string? SchemaVersion, string? FirstError)
{
    public bool IsValid => FirstError is null;
}
