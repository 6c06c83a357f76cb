using System.Text;
using ScanPoint.Credentials.Shc;
using ScanPoint.Credentials.Verdicts;

namespace ScanPoint.Credentials.Tests.Shc;

/// <summary>Hostile inputs end in Rejected/Unverifiable with a stage code, never an exception or INTERNAL.</summary>
public sealed class ShcHostileInputTests
{
    private static readonly DateTimeOffset Now = ShcExamples.Now;

    private static void AssertFailsCleanly(Verdict verdict)
    {
        Assert.IsNotType<Verdict.Accepted>(verdict);
        Assert.NotEqual(VerdictCodes.Internal, verdict.Code);
    }

    [Fact]
    public void Verify_RandomInputAtEveryStage_FailsCleanly()
    {
        using var issuer = new TestShcIssuer();
        var issuers = issuer.Issuers();
        var random = new Random(20261123);
        for (var i = 0; i < 500; i++)
        {
            var bytes = new byte[random.Next(0, 600)];
            random.NextBytes(bytes);
            var digits = string.Concat(bytes.Select(b => (b % 100).ToString("D2", System.Globalization.CultureInfo.InvariantCulture)));
            var base64 = TestShcIssuer.Base64Url(bytes);

            AssertFailsCleanly(ShcVerifier.Verify(new string(bytes.Select(b => (char)b).ToArray()), issuers, Now).Verdict);
            AssertFailsCleanly(ShcVerifier.Verify("shc:/" + digits, issuers, Now).Verdict);
            AssertFailsCleanly(ShcVerifier.Verify(ShcExamples.ToQr($"{base64}.{base64}.{base64}"), issuers, Now).Verdict);
            AssertFailsCleanly(ShcVerifier.Verify(ShcExamples.ToQr(issuer.SignCompressed(bytes)), issuers, Now).Verdict);
            AssertFailsCleanly(ShcVerifier.Verify(ShcExamples.ToQr(issuer.SignCompressed(TestShcIssuer.Deflate(bytes))), issuers, Now).Verdict);
        }
    }

    [Fact]
    public void Verify_MutatedExampleDigits_NeverAcceptedNorInternal()
    {
        var qr = ShcExamples.QrTexts(0)[0];
        var random = new Random(7);

        for (var i = 0; i < 2000; i++)
        {
            var chars = qr.ToCharArray();
            var at = random.Next(ShcChunkStage.Prefix.Length, chars.Length);
            var replacement = (char)('0' + random.Next(10));
            if (chars[at] == replacement)
            {
                continue;
            }

            chars[at] = replacement;
            var verdict = ShcVerifier.Verify(new string(chars), ShcExamples.Issuers, Now).Verdict;

            AssertFailsCleanly(verdict);
        }
    }

    [Fact]
    public void Verify_TruncatedExampleAtEveryLength_FailsCleanly()
    {
        var qr = ShcExamples.QrTexts(1)[0];

        for (var length = 0; length < qr.Length; length++)
        {
            AssertFailsCleanly(ShcVerifier.Verify(qr[..length], ShcExamples.Issuers, Now).Verdict);
        }
    }

    [Fact]
    public void Verify_RandomChunkSets_FailCleanly()
    {
        var chunks = ShcExamples.QrTexts(2);
        var random = new Random(11);
        string[] pieces = ["shc:/", "1", "2", "3", "/", "0", "9", "99", chunks[0][9..40], "-"];

        for (var i = 0; i < 1000; i++)
        {
            var set = Enumerable.Range(0, random.Next(0, 5))
                .Select(_ => string.Concat(Enumerable.Range(0, random.Next(1, 8)).Select(_ => pieces[random.Next(pieces.Length)])))
                .ToArray();

            AssertFailsCleanly(ShcVerifier.Verify(set, ShcExamples.Issuers, Now).Verdict);
        }
    }

    [Fact]
    public void Verify_NullAndHugeInputs_FailCleanly()
    {
        AssertFailsCleanly(ShcVerifier.Verify((string)null!, ShcExamples.Issuers, Now).Verdict);
        AssertFailsCleanly(ShcVerifier.Verify((IReadOnlyList<string>)null!, ShcExamples.Issuers, Now).Verdict);
        Assert.Equal(VerdictCodes.TooLarge, ShcVerifier.Verify("shc:/" + new string('5', 1 << 20), ShcExamples.Issuers, Now).Verdict.Code);
        var longJws = ShcExamples.ToQr(new string('A', 3000) + "." + new string('A', 100) + ".AA");
        AssertFailsCleanly(ShcVerifier.Verify(longJws, ShcExamples.Issuers, Now).Verdict);
        AssertFailsCleanly(ShcVerifier.Verify(Encoding.Latin1.GetString(new byte[100]), ShcExamples.Issuers, Now).Verdict);
    }
}
