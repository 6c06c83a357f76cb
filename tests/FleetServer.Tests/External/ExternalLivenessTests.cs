using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using ScanPoint.FleetServer.External;

namespace ScanPoint.FleetServer.Tests.External;

/// <summary>The stall verdicts, on a fake clock: silence with room in the inbox is a stall, a full inbox is not.</summary>
public sealed class ExternalLivenessTests
{
    private readonly FakeTimeProvider _time = new();
    private readonly ExternalBrokerOptions _options = new() { InboxCapacity = 16, StallTimeout = TimeSpan.FromSeconds(20) };

    [Fact]
    public void Check_SomethingReceivedWithinTheTimeout_Alive()
    {
        var (liveness, _) = Create();
        var received = _time.GetTimestamp();
        _time.Advance(TimeSpan.FromSeconds(19));

        Assert.Equal(ExternalLivenessVerdict.Alive, liveness.Check(received));
    }

    [Fact]
    public void Check_SilentPastTheTimeoutWithRoomInTheInbox_Stalled()
    {
        var (liveness, _) = Create();
        var received = _time.GetTimestamp();
        _time.Advance(TimeSpan.FromSeconds(21));

        Assert.Equal(ExternalLivenessVerdict.Stalled, liveness.Check(received));
    }

    [Fact]
    public async Task Check_SilentWithAFullInbox_StuckConsumerUnlessItDrained()
    {
        var (liveness, inbox) = Create();
        for (var i = 0; i < 17; i++)
        {
            await inbox.WriteAsync(new ExternalMessage("t", []), CancellationToken.None); // 16 fit; one more would wait
            if (inbox.IsFull)
            {
                break;
            }
        }

        var received = _time.GetTimestamp();
        _time.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(ExternalLivenessVerdict.ConsumerStuck, liveness.Check(received));

        await using var reader = inbox.ReadAllAsync(CancellationToken.None).GetAsyncEnumerator();
        Assert.True(await reader.MoveNextAsync()); // the consumer takes one ...
        await inbox.WriteAsync(new ExternalMessage("t", []), CancellationToken.None); // ... and the callback fills it again
        Assert.Equal(ExternalLivenessVerdict.Alive, liveness.Check(received)); // back-pressure, not a stall
    }

    private (ExternalLiveness Liveness, ExternalInbox Inbox) Create()
    {
        var inbox = new ExternalInbox(Options.Create(_options));
        return (new ExternalLiveness(_options, inbox, _time), inbox);
    }
}
