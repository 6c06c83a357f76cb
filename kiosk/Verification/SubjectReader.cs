using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using ScanPoint.Contracts.CheckIns;
using ScanPoint.Credentials.CitizenId;
using ScanPoint.Credentials.Declarations;
using ScanPoint.Credentials.Identity;
using ScanPoint.Credentials.Shc;
using ScanPoint.Credentials.Verdicts;
using VerdictCodes = ScanPoint.Credentials.Verdicts.VerdictCodes;

namespace ScanPoint.Kiosk.Verification;

/// <summary>
/// Reads who was scanned from a verified code's claims: DCC <c>nam</c>/<c>dob</c>, SHC FHIR Patient, VDS-NC
/// <c>msg.pid</c>, declaration pass name/dob/ID hash, CCCD card. Only when the signature verified (Accepted, or
/// rejected at a stage after the signature: expired, revoked, rules …); never from a forged or untrusted code.
/// A travel-document number (VDS-NC) is not kept: only the citizen-ID number's hash, which the declaration pass uses.
/// </summary>
internal static class SubjectReader
{
    /// <summary>Codes only reached after the signature verified with a trusted key.</summary>
    private static readonly HashSet<string> AfterSignature =
    [
        VerdictCodes.Revoked, VerdictCodes.IssuedAt, VerdictCodes.NotBefore, VerdictCodes.Expired, VerdictCodes.DscTime,
        VerdictCodes.KeyUsage, VerdictCodes.Rule, VerdictCodes.DeclarationWindow,
    ];

    public static bool SignatureVerified(Verdict verdict) => verdict switch
    {
        Verdict.Accepted => true,
        Verdict.Rejected r => AfterSignature.Contains(r.Code),
        _ => false,
    };

    public static CheckInSubject? FromDcc(JsonObject? payload)
    {
        if (payload is null)
        {
            return null;
        }

        var name = payload["nam"] as JsonObject;
        var given = Text(name, "gn") ?? Text(name, "gnt")?.Replace('<', ' ');
        var family = Text(name, "fn") ?? Text(name, "fnt")?.Replace('<', ' ');
        return Create(Join(given, family), Text(payload, "dob"), null);
    }

    public static CheckInSubject? FromShc(ShcClaims? claims)
    {
        var patient = (claims?.FhirBundle["entry"] as JsonArray)?
            .Select(e => e?["resource"] as JsonObject)
            .FirstOrDefault(r => Text(r, "resourceType") == "Patient");
        var name = (patient?["name"] as JsonArray)?.FirstOrDefault() as JsonObject;
        var given = name?["given"] is JsonArray g ? string.Join(' ', g.Select(n => n is JsonValue v && v.TryGetValue<string>(out var s) ? s : null)) : null;
        return patient is null ? null : Create(Join(given, Text(name, "family")), Text(patient, "birthDate"), null);
    }

    public static CheckInSubject? FromVdsNc(JsonNode? data)
    {
        var pid = data?["msg"]?["pid"] as JsonObject;
        return pid is null ? null : Create(Text(pid, "n"), Text(pid, "dob"), null);
    }

    public static CheckInSubject? FromDeclaration(DeclarationPass? pass) =>
        pass is null ? null : Create(pass.Name, pass.DateOfBirth, pass.IdNumberHash);

    public static CheckInSubject? FromCitizenId(CitizenIdentity? card) =>
        card is null ? null : Create(card.FullName, card.DateOfBirth.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), DeclarationIssuer.HashIdNumber(card.IdNumber));

    private static CheckInSubject? Create(string? name, string? dateOfBirth, string? idNumberHash)
    {
        if (string.IsNullOrWhiteSpace(name) || PersonKey.Of(name, dateOfBirth) is not { } key)
        {
            return null;
        }

        return new CheckInSubject(key, name.Trim(), PersonKey.NormalizeDate(dateOfBirth), idNumberHash).Bounded();
    }

    private static string? Text(JsonObject? o, string key) =>
        o?[key] is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;

    private static string? Join(string? a, string? b) =>
        string.Join(' ', new[] { a, b }.Where(s => !string.IsNullOrWhiteSpace(s))) is { Length: > 0 } joined ? joined : null;
}
