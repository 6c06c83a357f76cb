using System.Text.Json.Nodes;
using ScanPoint.Kiosk.Policy;
using ScanPoint.TestKit;

namespace ScanPoint.Kiosk.Tests.Policy;

/// <summary>Admission facts read from the EU DCC test files' payloads and the ICAO VDS-NC examples.</summary>
public sealed class EvidenceReaderTests
{
    public static TheoryData<string> DccFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(TestData.Root, "dcc"), "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            if (JsonNode.Parse(File.ReadAllText(file))?["JSON"] is JsonObject)
            {
                data.Add(Path.GetRelativePath(TestData.Root, file));
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(DccFiles))]
    public void Every_DCC_test_payload_gives_its_kind_date_and_holder(string file)
    {
        var payload = (JsonObject)JsonNode.Parse(File.ReadAllText(Path.Combine(TestData.Root, file)))!["JSON"]!;

        var evidence = EvidenceReader.FromDcc("accepted", payload);

        var expected = payload["v"] is JsonArray { Count: > 0 } ? EvidenceKinds.Vaccination
            : payload["t"] is JsonArray { Count: > 0 } ? EvidenceKinds.Test
            : payload["r"] is JsonArray { Count: > 0 } ? EvidenceKinds.Recovery
            : EvidenceKinds.Other;
        Assert.Equal(expected, evidence.Kind);
        if (expected == EvidenceKinds.Vaccination)
        {
            var v = payload["v"]![0]!;
            Assert.Equal((long)v["dn"]! >= (long)v["sd"]!, evidence.Complete);
        }

        Assert.NotNull(evidence.Holder);
    }

    [Fact]
    public void The_VDS_NC_examples_give_a_complete_and_an_incomplete_series()
    {
        var examples = JsonNode.Parse(File.ReadAllText(Path.Combine(TestData.Root, "vds-nc", "VDS-NC-Examples.json")))!.AsArray();

        var first = EvidenceReader.FromVdsNc("accepted", examples[0]!["data"]);
        var second = EvidenceReader.FromVdsNc("accepted", examples[1]!["data"]);

        Assert.Equal((EvidenceKinds.Vaccination, true, new DateTimeOffset(2021, 3, 24, 0, 0, 0, TimeSpan.Zero)), (first.Kind, first.Complete, first.At!.Value));
        Assert.Equal("Smith Bill", first.Holder!.Name);
        Assert.Equal(EvidenceKinds.Vaccination, second.Kind);
    }
}
