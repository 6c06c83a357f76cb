using System.Diagnostics;
using System.Security.Cryptography;
using System.Security.Cryptography.Cose;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;
using ScanPoint.Benchmarks.Measuring;
using ScanPoint.Credentials.Dcc;
using ScanPoint.Credentials.Dcc.Revocation;
using ScanPoint.Credentials.Dcc.Schema;
using ScanPoint.Credentials.Trust;
using ScanPoint.Credentials.Verdicts;

namespace ScanPoint.Benchmarks.Verification;

/// <summary>
/// HC1 end to end on one core — text to verdict with schema, signature, revocation (1,000,000 entries), time, key
/// usage and the EU business rules — against a bare ECDSA P-256 verify of the same signature, in the same run.
/// Also the slowest of a few hostile inputs, with its allocation.
/// </summary>
internal static class VerificationBenchmark
{
    private static readonly TimeSpan Phase = TimeSpan.FromSeconds(4);

    public static Task<bool> RunAsync(BenchmarkOptions options, CancellationToken cancellationToken)
    {
        var now = new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero);
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var dsc = new CertificateRequest("CN=Bench DSC, C=VN", key, HashAlgorithmName.SHA256).CreateSelfSigned(now.AddYears(-1), now.AddYears(1));
        var trust = DscTrustList.FromDer([dsc.RawData]);
        var code = new DccIssuer(key, dsc.RawData).Issue(VerificationInputs.Vaccination(), "VN", now.AddDays(-1), now.AddYears(1));
        var schemas = VerificationInputs.Schemas();
        var (rules, valueSets) = VerificationInputs.EuRules();
        var revocations = RevocationList.TryCreate(Enumerable.Range(0, 1_000_000).Select(_ => new RevocationEntry(RevocationHashType.Uci, RandomNumberGenerator.GetBytes(16))))!;

        var first = Pipeline(code, trust, now, revocations, schemas, rules, valueSets);
        Console.WriteLine($"pipeline verdict on the sample: {first.GetType().Name}({first.Code}) (schemas: {schemas?.Versions.Count ?? 0}, rules: {rules.Count}, revocation entries: {revocations.Count:N0})");

        var (publicKey, toBeSigned, signature) = BareInputs(code, dsc);
        var bare = Rate(() => publicKey.VerifyData(toBeSigned, signature, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation), cancellationToken);
        var verifyOnly = Rate(() => DccVerifier.Verify(code, trust, now) is { Verdict: Verdict.Accepted }, cancellationToken);
        var full = Rate(() => Pipeline(code, trust, now, revocations, schemas, rules, valueSets) is Verdict.Accepted, cancellationToken);

        var table = new ResultTable("HC1 verification on one core (same run)", "what", "per second", "µs each", "vs bare ECDSA verify");
        table.Add("bare ECDSA P-256 verify (the floor)", bare, 1e6 / bare, "1.00×");
        table.Add("HC1 → verdict: decode, signature, time, key usage", verifyOnly, 1e6 / verifyOnly, ResultTable.Ratio(verifyOnly, bare));
        table.Add("HC1 → verdict + schema + revocation + EU rules", full, 1e6 / full, ResultTable.Ratio(full, bare));
        table.Print();

        HostileCases.Print(trust, now);
        Console.WriteLine();
        Console.WriteLine($"target: the whole pipeline at ≥ 40% of the bare verify rate → {(full / bare >= 0.4 ? "met" : "MISSED")} ({full / bare:P0})");
        return Task.FromResult(true);
    }

    private static Verdict Pipeline(string code, DscTrustList trust, DateTimeOffset now, RevocationList revocations, DccSchemaSet? schemas, IReadOnlyList<JsonObject> rules, JsonObject valueSets)
    {
        var result = DccVerifier.Verify(code, trust, now, revocations, schemas);
        return result is { Verdict: Verdict.Accepted, Claims: { } claims }
            ? DccRuleCheck.Evaluate(claims, rules, valueSets, now, "VN") ?? result.Verdict
            : result.Verdict;
    }

    private static (ECDsa Key, byte[] ToBeSigned, byte[] Signature) BareInputs(string code, X509Certificate2 dsc)
    {
        var compressed = Base45Stage.TryDecode(code[PrefixStage.Prefix.Length..]).Value!;
        var message = CoseSign1Message.DecodeSign1(ZlibStage.TryInflate(compressed).Value!);
        var structure = new System.Formats.Cbor.CborWriter();
        structure.WriteStartArray(4);
        structure.WriteTextString("Signature1");
        structure.WriteByteString(message.RawProtectedHeaders.Span);
        structure.WriteByteString([]);
        structure.WriteByteString(message.Content!.Value.Span);
        structure.WriteEndArray();
        return (dsc.GetECDsaPublicKey()!, structure.Encode(), message.Signature.ToArray());
    }

    /// <summary>Operations per second over a fixed phase, after a short warm-up; fails loudly if the operation does.</summary>
    private static double Rate(Func<bool> operation, CancellationToken cancellationToken)
    {
        for (var i = 0; i < 200; i++)
        {
            Check(operation());
        }

        var count = 0L;
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < Phase && !cancellationToken.IsCancellationRequested)
        {
            Check(operation());
            count++;
        }

        return count / clock.Elapsed.TotalSeconds;
    }

    private static void Check(bool succeeded)
    {
        if (!succeeded)
        {
            throw new InvalidOperationException("the measured operation did not succeed");
        }
    }
}
