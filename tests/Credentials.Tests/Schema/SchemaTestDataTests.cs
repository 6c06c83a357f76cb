using ScanPoint.Credentials.Dcc;
using ScanPoint.Credentials.Tests.Dcc;
using Xunit.Abstractions;

namespace ScanPoint.Credentials.Tests.Schema;

/// <summary>EXPECTEDSCHEMAVALIDATION of every dgc-testdata file: the decoded payload matches its schema and holds exactly one of v/t/r.</summary>
public sealed class SchemaTestDataTests(ITestOutputHelper output)
{
    private const string Flag = "EXPECTEDSCHEMAVALIDATION";

    public static TheoryData<string> Files() =>
        [.. DccTestFile.All().Where(f => DccTestFile.Load(f).Flags.ContainsKey(Flag))];

    [Theory]
    [MemberData(nameof(Files))]
    public void File_SchemaValidation_MatchesExpectedResult(string relativePath)
    {
        var file = DccTestFile.Load(relativePath);
        var (actual, detail) = Evaluate(file);
        output.WriteLine($"{Flag}: expected {file.Flags[Flag]}, got {actual} ({detail})");
        if (KnownIssues.Find(file, Flag) is { } issue)
        {
            output.WriteLine($"skipped ({issue})");
            return;
        }

        Assert.True(file.Flags[Flag] == actual, $"expected {file.Flags[Flag]}, got {actual} ({detail})");
    }

    [Fact]
    public void AllFiles_SchemaValidationCounts_AreReported()
    {
        var (pass, fail, skipped) = (0, 0, 0);
        foreach (var file in DccTestFile.All().Select(DccTestFile.Load).Where(f => f.Flags.ContainsKey(Flag)))
        {
            var (actual, detail) = Evaluate(file);
            if (KnownIssues.Find(file, Flag) is not null)
            {
                skipped++;
            }
            else if (actual == file.Flags[Flag])
            {
                pass++;
            }
            else
            {
                fail++;
                output.WriteLine($"FAIL {file}: expected {file.Flags[Flag]}, got {actual} ({detail})");
            }
        }

        output.WriteLine($"{Flag}: {pass} pass, {fail} fail, {skipped} skipped (known issues)");
        Assert.Equal(0, fail);
    }

    /// <summary>What we say for the flag, with the reason (first schema error, type count or decode code).</summary>
    public static (bool Valid, string Detail) Evaluate(DccTestFile file)
    {
        var (_, claims) = DccVerifier.Decode(file.Prefix ?? "");
        if (claims.Value is not { } decoded)
        {
            return (false, $"decode {claims.Failure!.Code}");
        }

        var result = DccSchemas.All.Validate(decoded.Payload);
        if (!result.IsValid)
        {
            return (false, $"schema {result.SchemaVersion}: {result.FirstError}");
        }

        return decoded.EntryTypes.Count == 1
            ? (true, $"schema {result.SchemaVersion}")
            : (false, $"{decoded.EntryTypes.Count} entry types");
    }
}
