using System.Text.Json.Nodes;
using ScanPoint.Credentials.VdsNc;
using ScanPoint.Credentials.Verdicts;

namespace ScanPoint.Credentials.Tests.VdsNc;

/// <summary>Hostile seals end in Rejected/Unverifiable with a stage code, never an exception or INTERNAL.</summary>
public sealed class VdsNcHostileInputTests
{
    private static readonly DateTimeOffset Now = new(2025, 6, 1, 0, 0, 0, TimeSpan.Zero);

    private static Verdict Verify(string text) => VdsNcVerifier.Verify(text, VdsNcTrust.Empty, Now).Verdict;

    [Theory]
    [InlineData("", VerdictCodes.Json)]
    [InlineData("HC1:NCFOXN", VerdictCodes.Json)]
    [InlineData("[]", VerdictCodes.VdsFormat)]
    [InlineData("{}", VerdictCodes.VdsFormat)]
    [InlineData("""{"data": {}, "sig": {}}""", VdsNcFormat)]
    [InlineData("""{"data": {"hdr": {"t": "icao.vacc", "v": 1, "is": "UTO"}, "msg": {}}, "sig": {"alg": "ES256", "cer": "AAAA", "sigvl": "AAAA"}}""", VdsNcFormat)]
    [InlineData("""{"data": {"hdr": {"t": "icao.vacc", "v": 1, "is": "UTO"}, "msg": {}}, "sig": {"alg": "ES256", "cer": "!!", "sigvl": "AAAA"}}""", VdsNcFormat)]
    [InlineData("""{"data": {"hdr": {"t": "icao.vacc", "v": 1, "v": 1, "is": "UTO"}, "msg": {}}, "sig": {}}""", VerdictCodes.Json)]
    [InlineData("""{"data": 1, "sig": 2, "x": 3}""", VerdictCodes.VdsFormat)]
    public void Verify_MalformedSeal_RejectedWithStageCode(string text, string code)
    {
        Assert.Equal(new Verdict.Rejected(code), Verify(text));
    }

    private const string VdsNcFormat = VerdictCodes.VdsFormat;

    [Fact]
    public void Verify_TooLong_RejectedTooLarge()
    {
        Assert.Equal(new Verdict.Rejected(VerdictCodes.TooLarge), Verify("{\"data\":\"" + new string('a', 8200) + "\"}"));
        Assert.Equal(new Verdict.Rejected(VerdictCodes.TooLarge), Verify(new string('€', 3000)));
    }

    [Fact]
    public void Verify_DeeperThan16_RejectedJson()
    {
        var deep = string.Concat(Enumerable.Repeat("[", 17)) + string.Concat(Enumerable.Repeat("]", 17));

        Assert.Equal(new Verdict.Rejected(VerdictCodes.Json), Verify("{\"data\":" + deep + "}"));
    }

    [Theory]
    [MemberData(nameof(VdsNcVectorTests.Vectors), MemberType = typeof(VdsNcVectorTests))]
    public void Verify_TruncatedAndMutatedVector_NeverThrowsNorInternal(string name)
    {
        var text = VdsNcVectors.Text(name);
        var random = new Random(20250601);
        for (var length = 0; length < text.Length; length += 7)
        {
            AssertFailsCleanly(Verify(text[..length]));
        }

        for (var i = 0; i < 300; i++)
        {
            var chars = text.ToCharArray();
            chars[random.Next(chars.Length)] = (char)random.Next(0x20, 0x7f);
            var verdict = Verify(new string(chars));
            Assert.NotEqual(VerdictCodes.Internal, verdict.Code);
            Assert.IsNotType<Verdict.Accepted>(verdict);
        }
    }

    [Fact]
    public void Verify_WrongTypesInEveryField_FailCleanly()
    {
        var seal = VdsNcVectors.Seal("apo-unpacking-a-vds-nc.json#0");
        JsonNode?[] junk = [null, 1, "x", true, new JsonArray(), new JsonObject()];
        foreach (var path in new[] { "data", "sig", "data.hdr", "data.msg", "data.hdr.t", "data.hdr.v", "data.hdr.is", "sig.alg", "sig.cer", "sig.sigvl" })
        {
            foreach (var value in junk)
            {
                var copy = (JsonObject)seal.DeepClone();
                var parts = path.Split('.');
                var parent = parts.Length == 1 ? copy : (JsonObject)copy[parts[0]]!;
                parent[parts[^1]] = value?.DeepClone();
                AssertFailsCleanly(Verify(copy.ToJsonString()));
            }
        }
    }

    [Fact]
    public void Verify_RandomText_FailsCleanly()
    {
        var random = new Random(7);
        for (var i = 0; i < 300; i++)
        {
            var chars = new char[random.Next(0, 400)];
            for (var j = 0; j < chars.Length; j++)
            {
                chars[j] = (char)random.Next(0, 0x3000);
            }

            AssertFailsCleanly(Verify(new string(chars)));
        }
    }

    private static void AssertFailsCleanly(Verdict verdict)
    {
        Assert.IsNotType<Verdict.Accepted>(verdict);
        Assert.NotEqual(VerdictCodes.Internal, verdict.Code);
    }
}
