namespace ScanPoint.FleetServer.Tracing;

/// <summary>
/// What a tracing query gives: its data (already audited), or the HTTP status and message of why there is none
/// (400 bad input, 403 outside the user's province, 404 unknown site, 503 audit log not writable).
/// </summary>
internal sealed record TracingAnswer<T>(T? Data, int Status, string? Error)
    where T : class
{
    public static TracingAnswer<T> Ok(T data) => new(data, StatusCodes.Status200OK, null);

    public static TracingAnswer<T> Bad(string error) => new(null, StatusCodes.Status400BadRequest, error);

    public static TracingAnswer<T> Fail(int status, string error) => new(null, status, error);

    /// <summary>The answer as the API sends it: <paramref name="ok"/> of the data, or the error status.</summary>
    public IResult ToResult(Func<T, IResult> ok) => Status switch
    {
        StatusCodes.Status200OK => ok(Data!),
        StatusCodes.Status400BadRequest => TracingQueryEndpoints.Bad(Error!),
        StatusCodes.Status403Forbidden => Results.Forbid(),
        StatusCodes.Status404NotFound => Results.NotFound(new { error = Error }),
        _ => TracingAudit.Unavailable,
    };
}
