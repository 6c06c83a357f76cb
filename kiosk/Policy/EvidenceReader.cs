using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using ScanPoint.Credentials.CitizenId;
using ScanPoint.Credentials.Declarations;
using ScanPoint.Credentials.Identity;
using ScanPoint.Credentials.Shc;

namespace ScanPoint.Kiosk.Policy;

/// <summary>
/// Reads the admission facts out of a verified code's claims. DCC: the <c>v</c> entry (complete when dose
/// <c>dn</c> ≥ series <c>sd</c>, dated <c>dt</c>), <c>t</c> (negative when <c>tr</c> is 260415000 "not detected", sampled
/// <c>sc</c>) or <c>r</c> (first positive <c>fr</c>). SHC: its Immunization entries (complete from the second dose on).
/// VDS-NC vaccination: its latest dose, complete when no next dose is due (<c>dvn</c>). Declaration pass: movement or
/// health, issued-at, route, health status. Citizen-ID card: only who it names.
/// </summary>
public static class EvidenceReader
{
    public const string NotDetected = "260415000";

    public static Evidence FromDcc(string verdict, JsonObject? payload)
    {
        var name = payload?["nam"] as JsonObject;
        var holder = payload is null ? null : IdentityClaim.FromDcc(Text(name, "fnt"), Text(name, "gnt"), Text(payload, "dob"));
        if (First(payload, "v") is { } v)
        {
            var complete = Number(v, "dn") is { } dn && Number(v, "sd") is { } sd && dn >= sd;
            return new Evidence(EvidenceKinds.Vaccination, verdict, holder, Date(Text(v, "dt")), complete);
        }

        if (First(payload, "t") is { } t)
        {
            return new Evidence(EvidenceKinds.Test, verdict, holder, Date(Text(t, "sc")), Text(t, "tr") == NotDetected);
        }

        return First(payload, "r") is { } r
            ? new Evidence(EvidenceKinds.Recovery, verdict, holder, Date(Text(r, "fr")), true)
            : new Evidence(EvidenceKinds.Other, verdict, holder, null, false);
    }

    public static Evidence FromShc(string verdict, ShcClaims? claims)
    {
        var resources = (claims?.FhirBundle["entry"] as JsonArray ?? [])
            .Select(e => e?["resource"] as JsonObject).Where(r => r is not null).Select(r => r!).ToList();
        var patient = resources.FirstOrDefault(r => Text(r, "resourceType") == "Patient");
        var name = (patient?["name"] as JsonArray)?.FirstOrDefault() as JsonObject;
        var given = name?["given"] is JsonArray g ? string.Join(' ', g.Select(n => n is JsonValue value && value.TryGetValue<string>(out var s) ? s : "")) : null;
        var holder = patient is null ? null : new IdentityClaim($"{given} {Text(name, "family")}", Text(patient, "birthDate"));
        var doses = resources.Where(r => Text(r, "resourceType") == "Immunization").Select(r => Date(Text(r, "occurrenceDateTime"))).Where(d => d is not null).ToList();
        return doses.Count == 0
            ? new Evidence(EvidenceKinds.Other, verdict, holder, null, false)
            : new Evidence(EvidenceKinds.Vaccination, verdict, holder, doses.Max(), doses.Count >= 2);
    }

    public static Evidence FromVdsNc(string verdict, JsonNode? data)
    {
        var pid = data?["msg"]?["pid"] as JsonObject;
        var holder = pid is null ? null : new IdentityClaim(Text(pid, "n"), Text(pid, "dob"));
        var doses = (data?["msg"]?["ve"] as JsonArray ?? [])
            .SelectMany(e => e?["vd"] as JsonArray ?? []).OfType<JsonObject>()
            .Select(d => (At: Date(Text(d, "dvc")), Next: Text(d, "dvn"))).Where(d => d.At is not null).OrderBy(d => d.At).ToList();
        return Text(data?["hdr"] as JsonObject, "t") != "icao.vacc" || doses.Count == 0
            ? new Evidence(EvidenceKinds.Other, verdict, holder, null, false)
            : new Evidence(EvidenceKinds.Vaccination, verdict, holder, doses[^1].At, doses[^1].Next is null);
    }

    public static Evidence FromDeclaration(string verdict, DeclarationClaims? claims)
    {
        if (claims?.Pass is not { } pass)
        {
            return new Evidence(EvidenceKinds.Movement, verdict, null, null, false);
        }

        var holder = new IdentityClaim(pass.Name, pass.DateOfBirth);
        return pass.Type == DeclarationPass.Movement
            ? new Evidence(EvidenceKinds.Movement, verdict, holder, claims.IssuedAt, true, pass.From, pass.To)
            : new Evidence(EvidenceKinds.Health, verdict, holder, claims.IssuedAt, pass.HealthStatus == "ok");
    }

    public static Evidence FromCitizenId(string verdict, CitizenIdentity? card) =>
        new(EvidenceKinds.CitizenId, verdict, card is null ? null : IdentityClaim.FromCitizenId(card), null, false);

    /// <summary>A code the kiosk could not read facts from (unknown format, refused before its claims).</summary>
    public static Evidence Unread(string verdict) => new(EvidenceKinds.Other, verdict, null, null, false);

    private static JsonObject? First(JsonObject? payload, string key) => (payload?[key] as JsonArray)?.FirstOrDefault() as JsonObject;

    private static string? Text(JsonObject? o, string key) =>
        o?[key] is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;

    private static long? Number(JsonObject? o, string key) =>
        o?[key] is JsonValue v && v.GetValueKind() == JsonValueKind.Number && v.TryGetValue<long>(out var n) ? n : null;

    private static DateTimeOffset? Date(string? text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at) ? at : null;
}
