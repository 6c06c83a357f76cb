using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using ScanPoint.FleetServer.Relay;
using ScanPoint.TestKit;

namespace ScanPoint.FleetServer.Tests.Relay;

/// <summary>The circuit breaker on its own, on a fake clock: opens after N failures, probes once, closes on success.</summary>
public sealed class RelayCircuitTests : IDisposable
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 5, 10, 0, 0, TimeSpan.Zero));
    private readonly CapturingLoggerProvider _logs = new();
    private readonly LoggerFactory _loggers;
    private readonly RelayCircuit _circuit;

    public RelayCircuitTests()
    {
        _loggers = new LoggerFactory([_logs]);
        var options = Options.Create(new RelayOptions { CircuitFailures = 3, CircuitOpenFor = TimeSpan.FromSeconds(30) });
        _circuit = new RelayCircuit(options, _time, _loggers.CreateLogger<RelayCircuit>());
    }

    public void Dispose() => _loggers.Dispose();

    [Fact]
    public void Failures_BelowTheThreshold_KeepItClosed_AndASuccessResetsTheCount()
    {
        Fail(2);
        _circuit.Succeeded();
        Fail(2);

        Assert.Equal(new CircuitSnapshot(CircuitState.Closed, null, 2, null), _circuit.Snapshot);
        Assert.True(_circuit.TryEnter(out _));
        Assert.Empty(Transitions());
    }

    [Fact]
    public void ThreeFailures_OpenIt_NothingMayGoUntilTheOpenTimeHasPassed()
    {
        Fail(3);

        var opened = _time.GetUtcNow();
        Assert.Equal(new CircuitSnapshot(CircuitState.Open, opened, 3, opened.AddSeconds(30)), _circuit.Snapshot);
        Assert.False(_circuit.TryEnter(out var wait));
        Assert.Equal(TimeSpan.FromSeconds(30), wait);
        _time.Advance(TimeSpan.FromSeconds(29.9));
        Assert.False(_circuit.TryEnter(out wait));
        Assert.Equal(TimeSpan.FromSeconds(0.1), wait);
        Assert.Equal(["Closed -> Open"], Transitions());
    }

    [Fact]
    public void AfterTheOpenTime_OneProbeGoes_OthersWait_ItsSuccessClosesTheCircuit()
    {
        Fail(3);
        _time.Advance(TimeSpan.FromSeconds(30));

        Assert.True(_circuit.TryEnter(out _));
        Assert.Equal(CircuitState.HalfOpen, _circuit.Snapshot.State);
        Assert.False(_circuit.TryEnter(out var wait)); // the probe is out: nobody else
        Assert.True(wait > TimeSpan.Zero);
        _circuit.Succeeded();

        Assert.Equal(new CircuitSnapshot(CircuitState.Closed, null, 0, null), _circuit.Snapshot);
        Assert.True(_circuit.TryEnter(out _));
        Assert.True(_circuit.TryEnter(out _));
        Assert.Equal(["Closed -> Open", "Open -> HalfOpen", "HalfOpen -> Closed"], Transitions());
    }

    [Fact]
    public void AFailedProbe_OpensItAgainForTheFullTime()
    {
        Fail(3);
        _time.Advance(TimeSpan.FromSeconds(31));
        Assert.True(_circuit.TryEnter(out _));

        _circuit.Failed();

        Assert.Equal(new CircuitSnapshot(CircuitState.Open, _time.GetUtcNow(), 4, _time.GetUtcNow().AddSeconds(30)), _circuit.Snapshot);
        Assert.False(_circuit.TryEnter(out _));
        Assert.Equal(["Closed -> Open", "Open -> HalfOpen", "HalfOpen -> Open"], Transitions());
    }

    [Fact]
    public void AnAbandonedProbe_LetsTheNextOneGo()
    {
        Fail(3);
        _time.Advance(TimeSpan.FromSeconds(30));
        Assert.True(_circuit.TryEnter(out _));

        _circuit.Abandoned();

        Assert.True(_circuit.TryEnter(out _));
        Assert.Equal(CircuitState.HalfOpen, _circuit.Snapshot.State);
    }

    private void Fail(int times)
    {
        for (var i = 0; i < times; i++)
        {
            Assert.True(_circuit.TryEnter(out _));
            _circuit.Failed();
        }
    }

    private string[] Transitions() =>
        [.. _logs.Entries.Where(e => e.Id.Id == 7009).Select(e => e.Message.Split(' ')[2] + " -> " + e.Message.Split(' ')[4])];
}
