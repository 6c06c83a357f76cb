using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Options;
using ScanPoint.Contracts.Intake;

namespace ScanPoint.FleetServer.Relay;

/// <summary>
/// Posts batches to the national intake (<c>POST /v1/check-ins</c>, <c>national-intake.openapi.json</c>) and sorts
/// the answer into an <see cref="IntakeOutcome"/>; broken transport and timeouts are outcomes too, not exceptions.
/// </summary>
internal sealed class IntakeClient : IDisposable
{
    private readonly HttpClient _http;
    private readonly Uri _intake;

    public IntakeClient(IOptions<RelayOptions> options, ILogger<IntakeClient> logger)
    {
        var relay = options.Value;
        _intake = new Uri(new Uri(relay.Url.TrimEnd('/') + "/"), IntakeBatch.Path.TrimStart('/'));
        var handler = new SocketsHttpHandler
        {
            ConnectTimeout = relay.Timeout,
            MaxConnectionsPerServer = relay.MaxInFlight,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            AutomaticDecompression = DecompressionMethods.None,
        };
        RelayTls.Configure(handler.SslOptions, relay, logger);
        _http = new HttpClient(handler) { Timeout = relay.Timeout };
        if (relay.BearerToken.Length > 0)
        {
            _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", relay.BearerToken);
        }
    }

    public Uri Intake => _intake;

    public async Task<IntakeOutcome> PostAsync(IntakeBatch batch, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, _intake)
        {
            Content = JsonContent.Create(batch, IntakeJsonContext.Default.IntakeBatch),
        };
        request.Headers.Add(IntakeBatch.IdempotencyKeyHeader, batch.BatchId);
        try
        {
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
            return await ReadAsync(response, batch.BatchId, cancellationToken);
        }
        catch (HttpRequestException ex)
        {
            var inner = ex.GetBaseException();
            return IntakeOutcome.Transient(inner == ex ? $"{ex.HttpRequestError}: {ex.Message}" : $"{ex.HttpRequestError}: {ex.Message} ({inner.Message})");
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return IntakeOutcome.Transient($"no answer within {_http.Timeout}");
        }
    }

    private static async Task<IntakeOutcome> ReadAsync(HttpResponseMessage response, string batchId, CancellationToken cancellationToken)
    {
        var status = (int)response.StatusCode;
        if (status is 400 or 413 or 422)
        {
            var detail = await response.Content.ReadAsStringAsync(cancellationToken);
            return IntakeOutcome.RefusedForGood($"HTTP {status}: {Shorten(detail)}");
        }

        if (!response.IsSuccessStatusCode)
        {
            return IntakeOutcome.Transient($"HTTP {status}");
        }

        try
        {
            var result = await response.Content.ReadFromJsonAsync(IntakeJsonContext.Default.IntakeResult, cancellationToken);
            return result is { Accepted: not null, Duplicates: not null, Rejected: not null } && result.BatchId == batchId
                ? IntakeOutcome.Delivered(result)
                : IntakeOutcome.Transient($"HTTP {status} with an answer that is not a BatchResult for batch {batchId}");
        }
        catch (JsonException ex)
        {
            return IntakeOutcome.Transient($"HTTP {status} with malformed JSON: {ex.Message}");
        }
    }

    private static string Shorten(string text) => text.Length <= 200 ? text : text[..200] + "…";

    public void Dispose() => _http.Dispose();
}
