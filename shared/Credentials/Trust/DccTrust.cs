using System.Text.Json.Nodes;
using ScanPoint.Credentials.Dcc.Revocation;
using ScanPoint.Credentials.Dcc.Schema;

namespace ScanPoint.Credentials.Trust;

/// <summary>What a trust bundle gives the DCC checks beyond the DSCs: schemas, revocation, rules and value sets.</summary>
public sealed record DccTrust(DccSchemaSet? Schemas, RevocationList Revocations, IReadOnlyList<JsonObject> Rules, JsonObject? ValueSets)
{
    public static DccTrust Empty { get; } = new(null, RevocationList.Empty, [], null);
}
