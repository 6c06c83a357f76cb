using System.Formats.Cbor;
using ScanPoint.Credentials.Cbor;
using ScanPoint.Credentials.Dcc;
using ScanPoint.Credentials.Verdicts;

namespace ScanPoint.Credentials.Declarations;

/// <summary>Reads the CWT claims of a declaration pass, bounded; any missing or mistyped field is <c>DCL_FORMAT</c>.</summary>
public static class DeclarationClaimsStage
{
    private const int MaxText = 256;

    public static StageResult<DeclarationClaims> TryRead(byte[] payload)
    {
        if (payload.Length > ZlibStage.MaxInflatedBytes)
        {
            return StageResult<DeclarationClaims>.Reject(VerdictCodes.TooLarge);
        }

        if (!CborLimits.IsWithinBounds(payload))
        {
            return StageResult<DeclarationClaims>.Reject(VerdictCodes.DeclarationFormat); // deeper than 16 or too many items
        }

        try
        {
            var reader = new CborReader(payload, CborConformanceMode.Lax);
            string? iss = null;
            long? iat = null, exp = null;
            Dictionary<string, string>? pass = null;
            var count = reader.ReadStartMap() ?? -1;
            for (var i = 0; i < count; i++)
            {
                switch (reader.ReadInt64())
                {
                    case 1: iss = Text(reader); break;
                    case 4: exp = reader.ReadInt64(); break;
                    case 6: iat = reader.ReadInt64(); break;
                    case DeclarationClaims.ClaimKey: pass = ReadPass(reader); break;
                    default: reader.SkipValue(); break;
                }
            }

            reader.ReadEndMap();
            return pass is null || iat is null || exp is null || ToPass(pass) is not { } declared
                ? StageResult<DeclarationClaims>.Reject(VerdictCodes.DeclarationFormat)
                : StageResult<DeclarationClaims>.Ok(new DeclarationClaims(iss, DateTimeOffset.FromUnixTimeSeconds(iat.Value), DateTimeOffset.FromUnixTimeSeconds(exp.Value), declared));
        }
        catch (Exception e) when (e is CborContentException or InvalidOperationException or OverflowException or FormatException or ArgumentException)
        {
            return StageResult<DeclarationClaims>.Reject(VerdictCodes.DeclarationFormat);
        }
    }

    private static Dictionary<string, string> ReadPass(CborReader reader)
    {
        var count = reader.ReadStartMap() ?? throw new FormatException("indefinite map");
        if (count > 16)
        {
            throw new FormatException("too many fields");
        }

        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            fields[Text(reader)] = Text(reader);
        }

        reader.ReadEndMap();
        return fields;
    }

    private static string Text(CborReader reader)
    {
        var text = reader.ReadTextString();
        return text.Length <= MaxText ? text : throw new FormatException("text too long");
    }

    private static DeclarationPass? ToPass(Dictionary<string, string> f)
    {
        if (!f.TryGetValue("t", out var type) || type is not (DeclarationPass.Movement or DeclarationPass.Health)
            || !f.TryGetValue("nam", out var name) || !f.TryGetValue("dob", out var dob) || !f.TryGetValue("idh", out var idh)
            || !f.TryGetValue("hs", out var health))
        {
            return null;
        }

        f.TryGetValue("fr", out var from);
        f.TryGetValue("to", out var to);
        return type == DeclarationPass.Movement && (from is null || to is null) ? null : new DeclarationPass(type, name, dob, idh, from, to, health);
    }
}
