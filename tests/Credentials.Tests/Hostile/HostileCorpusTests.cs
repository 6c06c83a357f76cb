using System.Diagnostics;
using ScanPoint.Credentials.Verdicts;
using Xunit.Abstractions;

namespace ScanPoint.Credentials.Tests.Hostile;

/// <summary>
/// Runs every case of the hostile corpus through its public entry point: the exact verdict the README specifies, no
/// exception, never Accepted, at most 8 MB allocated on the calling thread. Elapsed time is recorded, never asserted.
/// </summary>
public sealed class HostileCorpusTests(ITestOutputHelper output)
{
    private const long MaxAllocatedBytes = 8 * 1024 * 1024;

    public static TheoryData<string> CaseIds => [.. HostileCorpus.Cases.Select(c => c.Id).Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(CaseIds))]
    public void Verify_HostileCase_ExpectedVerdictWithinAllocationBound(string id)
    {
        var run = Run(HostileCorpus.Get(id));

        Assert.Null(run.Thrown);
        Assert.IsNotType<Verdict.Accepted>(run.Verdict);
        Assert.Equal(run.Case.Expected, run.Verdict with { Warnings = [] });
        Assert.InRange(run.AllocatedBytes, 0, MaxAllocatedBytes);
        output.WriteLine($"{id}: {run.Verdict} in {run.Elapsed.TotalMilliseconds:F2} ms, {run.AllocatedBytes} bytes allocated");
    }

    [Fact]
    public void Corpus_EveryCase_CoveredAndSlowestReported()
    {
        var runs = HostileCorpus.Cases.Select(Run).ToList();

        Assert.True(runs.Count >= 60, $"only {runs.Count} cases");
        Assert.All(runs, r => Assert.Equal(r.Case.Expected, r.Verdict with { Warnings = [] }));
        foreach (var group in runs.GroupBy(r => r.Case.Format).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            output.WriteLine($"{group.Key}: {group.Count()} cases");
        }

        var slowest = runs.MaxBy(r => r.Elapsed)!;
        var hungriest = runs.MaxBy(r => r.AllocatedBytes)!;
        output.WriteLine($"total: {runs.Count} cases");
        output.WriteLine($"slowest: {slowest.Case.Id} {slowest.Elapsed.TotalMilliseconds:F2} ms, {slowest.AllocatedBytes} bytes");
        output.WriteLine($"most allocating: {hungriest.Case.Id} {hungriest.AllocatedBytes} bytes, {hungriest.Elapsed.TotalMilliseconds:F2} ms");
    }

    private static CaseRun Run(HostileCase hostile)
    {
        var act = hostile.Arrange();
        act(); // warm-up: JIT and one-time static initialisation are not the case's cost
        Verdict verdict = new Verdict.Unverifiable("NOT_RUN");
        Exception? thrown = null;
        var before = GC.GetAllocatedBytesForCurrentThread();
        var clock = Stopwatch.StartNew();
        try
        {
            verdict = act();
        }
        catch (Exception e)
        {
            thrown = e;
        }

        clock.Stop();
        return new CaseRun(hostile, verdict, thrown, clock.Elapsed, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    private sealed record CaseRun(HostileCase Case, Verdict Verdict, Exception? Thrown, TimeSpan Elapsed, long AllocatedBytes);
}
