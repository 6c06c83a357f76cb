using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using ScanPoint.Contracts.Intake;

namespace ScanPoint.NationalReceiver;

/// <summary><c>POST /v1/check-ins</c> as the contract (<c>national-intake.openapi.json</c>) says, plus the injected faults.</summary>
internal static class IntakeEndpoint
{
    public static WebApplication MapIntake(this WebApplication app)
    {
        app.MapPost(IntakeBatch.Path, PostAsync);
        return app;
    }

    private static async Task<IResult> PostAsync(
        HttpRequest request, ReceiverStore store, FaultSwitch faults, TimeProvider time, ILogger<ReceiverStore> logger, CancellationToken cancellationToken)
    {
        if (request.ContentLength > 16 * 1024 * 1024)
        {
            return Problem(StatusCodes.Status413PayloadTooLarge, "the body is larger than 16 MiB");
        }

        IntakeBatch? batch;
        try
        {
            batch = await JsonSerializer.DeserializeAsync(request.Body, IntakeJsonContext.Default.IntakeBatch, cancellationToken);
        }
        catch (JsonException ex)
        {
            return Problem(StatusCodes.Status400BadRequest, $"not a CheckInBatch: {ex.Message}");
        }

        if (batch?.Items?.Count > IntakeBatch.MaxItems)
        {
            return Problem(StatusCodes.Status413PayloadTooLarge, $"more than {IntakeBatch.MaxItems} items");
        }

        var error = IntakeValidation.Validate(batch, request.Headers[IntakeBatch.IdempotencyKeyHeader].ToString());
        if (error.Length > 0)
        {
            return Problem(StatusCodes.Status400BadRequest, error);
        }

        var fault = faults.Roll();
        if (fault == Fault.FailBeforeStoring)
        {
            return Results.StatusCode(StatusCodes.Status500InternalServerError);
        }

        var result = await store.StoreAsync(batch!, time.GetUtcNow(), CancellationToken.None); // stored even if the client gave up
        Log.BatchStored(logger, result.BatchId, result.Accepted.Count, result.Duplicates.Count, result.Rejected.Count, fault.ToString());
        switch (fault)
        {
            case Fault.FailAfterStoring:
                return Results.StatusCode(StatusCodes.Status500InternalServerError);
            case Fault.Slow:
                await Task.Delay(faults.Current.SlowDelay, time, cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                break;
        }

        return TypedResults.Json(result, IntakeJsonContext.Default.IntakeResult);
    }

    private static ProblemHttpResult Problem(int status, string detail) => TypedResults.Problem(detail, statusCode: status);
}
