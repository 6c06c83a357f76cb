using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using ScanPoint.Contracts.Intake;
using ScanPoint.FleetServer.Relay;
using ScanPoint.FleetServer.Storage;

namespace ScanPoint.FleetServer.Tests.Relay;

/// <summary>
/// The committed OpenAPI document is the contract: what the fleet sends and what the reference receiver answers both
/// validate against its schemas, and the receiver serves exactly the document's operations.
/// </summary>
public sealed class IntakeContractTests : IAsyncLifetime
{
    private RunningReceiver? _receiver;

    private RunningReceiver Receiver => _receiver!;

    public async Task InitializeAsync() => _receiver = await RunningReceiver.StartAsync();

    public async Task DisposeAsync() => await Receiver.DisposeAsync();

    [Fact]
    public void RelayBatch_OfStoredCheckIns_ConformsToCheckInBatch()
    {
        var batch = new RelayBatch([Pending(1), Pending(2) with { CheckIn = Pending(2).CheckIn with { PersonKey = "k", PersonName = "Nguyễn Văn A", PersonBirthDate = "1990-01-31" } }], "fleet-hn");

        var json = JsonSerializer.Serialize(batch.Request, IntakeJsonContext.Default.IntakeBatch);

        Assert.Empty(IntakeDocument.Errors("CheckInBatch", json));
        Assert.Matches("^[A-Za-z0-9_-]{32}$", batch.Request.BatchId);
    }

    [Fact]
    public void Schema_CheckInWithBadIdOrMissingField_IsInvalid()
    {
        var good = JsonSerializer.Serialize(new RelayBatch([Pending(1)], "fleet").Request, IntakeJsonContext.Default.IntakeBatch);

        Assert.NotEmpty(IntakeDocument.Errors("CheckInBatch", good.Replace("\"seq\":1,", "", StringComparison.Ordinal)));
        Assert.NotEmpty(IntakeDocument.Errors("CheckInBatch", good.Replace(Pending(1).CheckIn.Id, "not-a-ulid", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Receiver_AnswerWithAcceptedDuplicateAndRejected_ConformsToBatchResult()
    {
        var bad = Pending(3) with { CheckIn = Pending(3).CheckIn with { Id = "not-a-ulid" } };
        await PostAsync(new RelayBatch([Pending(1)], "fleet").Request);

        var (status, body) = await PostAsync(new RelayBatch([Pending(1), Pending(2), bad], "fleet").Request);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Empty(IntakeDocument.Errors("BatchResult", body));
        var result = JsonSerializer.Deserialize(body, IntakeJsonContext.Default.IntakeResult)!;
        Assert.Equal([Pending(2).CheckIn.Id], result.Accepted);
        Assert.Equal([Pending(1).CheckIn.Id], result.Duplicates);
        Assert.Equal(("not-a-ulid", IntakeValidation.BadId), (Assert.Single(result.Rejected).Id, result.Rejected[0].Code));
    }

    [Theory]
    [InlineData("{", "1")]
    [InlineData("""{"batchId":"b1","source":"f","items":[]}""", "b1")]
    [InlineData("""{"batchId":"b1","source":"f","items":[]}""", "other-key")]
    public async Task Receiver_MalformedBatch_Answers400ProblemAsDocumented(string body, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, IntakeBatch.Path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add(IntakeBatch.IdempotencyKeyHeader, key);

        using var response = await Receiver.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Empty(IntakeDocument.Errors("Problem", await response.Content.ReadAsStringAsync()));
        Assert.Contains("400", IntakeDocument.Responses(IntakeBatch.Path, "post"));
        Assert.Equal(0, await Receiver.HeldAsync());
    }

    [Fact]
    public void Receiver_ContractRoutes_AreExactlyTheDocumentsOperations()
    {
        var routes = Receiver.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => !e.RoutePattern.RawText!.StartsWith("/receiver", StringComparison.Ordinal))
            .SelectMany(e => e.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods.Select(m => $"{m} {e.RoutePattern.RawText}"));

        Assert.Equal(IntakeDocument.Operations.Order(), routes.Order());
    }

    private async Task<(HttpStatusCode Status, string Body)> PostAsync(IntakeBatch batch)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, IntakeBatch.Path)
        {
            Content = new StringContent(JsonSerializer.Serialize(batch, IntakeJsonContext.Default.IntakeBatch), Encoding.UTF8, "application/json"),
        };
        request.Headers.Add(IntakeBatch.IdempotencyKeyHeader, batch.BatchId);
        using var response = await Receiver.Http.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private static PendingRelay Pending(long seq) => new(
        seq,
        new IntakeCheckIn(
            Id: Ulid.NewUlid(new DateTimeOffset(2025, 3, 1, 8, 0, 0, TimeSpan.Zero), [.. Enumerable.Repeat((byte)seq, 10)]).ToString(),
            DeviceId: "kiosk-1",
            Seq: seq,
            SiteId: "site-1",
            Province: "HN",
            At: new DateTimeOffset(2025, 3, 1, 15, 0, 0, TimeSpan.FromHours(7)),
            Format: "dcc",
            Verdict: "accepted",
            PayloadHash: "n4bQgYhMfWWaL-qgxVrQFaO_TxsrC4Is0V1sFbDwCgg",
            ReceivedAt: new DateTimeOffset(2025, 3, 1, 8, 0, 1, TimeSpan.Zero)));
}
