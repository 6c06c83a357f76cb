using System.Text.Json.Nodes;
using ScanPoint.TestKit;

namespace ScanPoint.Credentials.Tests.Revocation;

/// <summary>dcc-revocation/RevocationCalculationSampleData.json: HC1 text → expected UCI, COUNTRYCODEUCI, SIGNATURE hashes.</summary>
public static class RevocationVectors
{
    public static string File => Path.Combine(TestData.Root, "dcc-revocation", "RevocationCalculationSampleData.json");

    public static TheoryData<string, string, string, string, string> All()
    {
        var data = new TheoryData<string, string, string, string, string>();
        foreach (var vector in JsonNode.Parse(System.IO.File.ReadAllText(File))!.AsArray())
        {
            data.Add(
                Text(vector, "description"),
                Text(vector, "barcodeData"),
                Text(vector, "expUCI"),
                Text(vector, "expCOUNTRYCODEUCI"),
                Text(vector, "expSIGNATURE"));
        }

        return data;
    }

    private static string Text(JsonNode? vector, string name) => vector![name]!.GetValue<string>();
}
