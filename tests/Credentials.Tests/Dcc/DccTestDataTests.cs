using ScanPoint.Credentials.Verdicts;
using Xunit.Abstractions;

namespace ScanPoint.Credentials.Tests.Dcc;

/// <summary>Every dgc-testdata file, every EXPECTED* flag scored through <c>DccChecks</c>, except the known-wrong ones.</summary>
public sealed class DccTestDataTests(ITestOutputHelper output)
{
    public static TheoryData<string> Files() => [.. DccTestFile.All()];

    [Theory]
    [MemberData(nameof(Files))]
    public void File_CoveredFlags_MatchChecks(string relativePath)
    {
        var file = DccTestFile.Load(relativePath);
        var checks = DccFlagEvaluator.Checks(file);
        var failures = new List<string>();
        foreach (var (flag, expected) in file.Flags.Where(f => DccFlagEvaluator.IsCovered(f.Key)))
        {
            var actual = DccFlagEvaluator.Score(checks, flag);
            if (KnownIssues.Find(file, flag) is { } issue)
            {
                output.WriteLine($"{flag}: skipped ({issue}); upstream expects {expected}, we say {actual}");
                continue;
            }

            if (actual != expected)
            {
                failures.Add($"{flag}: expected {expected}, got {actual}");
            }
        }

        output.WriteLine($"verdict: {DccFlagEvaluator.VerifyFile(file).Verdict}");
        Assert.True(failures.Count == 0, string.Join("; ", failures));
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Verify_AnyFile_ReturnsVerdictWithoutInternalError(string relativePath)
    {
        var result = DccFlagEvaluator.VerifyFile(DccTestFile.Load(relativePath));

        Assert.NotEqual(VerdictCodes.Internal, result.Verdict.Code);
    }

    [Fact]
    public void AllFiles_PassCountsPerFlag_AreReported()
    {
        var rows = new SortedDictionary<string, (int Pass, int Fail, int Skipped)>(StringComparer.Ordinal);
        var files = DccTestFile.All().Select(DccTestFile.Load).ToList();
        foreach (var file in files)
        {
            var checks = DccFlagEvaluator.Checks(file);
            foreach (var (flag, expected) in file.Flags.Where(f => DccFlagEvaluator.IsCovered(f.Key)))
            {
                var actual = DccFlagEvaluator.Score(checks, flag);
                var (pass, fail, skipped) = rows.GetValueOrDefault(flag);
                rows[flag] = KnownIssues.Find(file, flag) is not null ? (pass, fail, skipped + 1)
                    : actual == expected ? (pass + 1, fail, skipped)
                    : (pass, fail + 1, skipped);
                if (KnownIssues.Find(file, flag) is null && actual != expected)
                {
                    output.WriteLine($"FAIL {file} {flag}: expected {expected}, got {actual}");
                }
            }
        }

        output.WriteLine($"{files.Count} files");
        foreach (var (flag, (pass, fail, skipped)) in rows)
        {
            output.WriteLine($"{flag}: {pass} pass, {fail} fail, {skipped} skipped (known issues)");
        }

        Assert.Equal(181, files.Count);
        Assert.Equal(DccFlagEvaluator.Covered.Order(StringComparer.Ordinal), rows.Keys);
        Assert.All(rows.Values, r => Assert.Equal(0, r.Fail));
    }
}
