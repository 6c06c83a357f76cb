using System.Text.Json.Nodes;
using ScanPoint.Contracts.CheckIns;
using ScanPoint.Credentials.CitizenId;
using ScanPoint.Credentials.Dcc;
using ScanPoint.Credentials.Dcc.Revocation;
using ScanPoint.Credentials.Declarations;
using ScanPoint.Credentials.Shc;
using ScanPoint.Credentials.VdsNc;
using ScanPoint.Credentials.Verdicts;
using ScanPoint.Kiosk.Scanning;
using ScanPoint.Kiosk.Verification;
using VerdictCodes = ScanPoint.Credentials.Verdicts.VerdictCodes;

namespace ScanPoint.Kiosk.Commands;

/// <summary>
/// Runs the product's verifier for the recognised format and fills the checks that apply: dcc all (through
/// <see cref="DccChecks"/>, with revocation and rules from the bundle), shc signature/expiry, dcl the HC1-like chain,
/// vds-nc signature (CSCAs from the bundle). A CCCD QR carries no
/// signature: parsed, it is Unverifiable(UNSIGNED). An unknown text is Rejected(PREFIX) with <c>prefix: false</c>.
/// </summary>
internal static class VerifyEvaluator
{
    public const string Unsigned = "UNSIGNED";

    public static VerifyReport Evaluate(string code, VerifyTrust trust, DateTimeOffset now)
    {
        var format = FormatRecognizer.Recognize(code);
        return format switch
        {
            CodeFormats.Dcc => Dcc(code, trust, now),
            CodeFormats.SmartHealthCard => Shc(code, trust, now),
            CodeFormats.DeclarationPass => Declaration(code, trust, now),
            CodeFormats.VdsNc => VdsNc(code, trust, now),
            CodeFormats.CitizenId => CitizenId(code),
            _ => new VerifyReport(format, new Verdict.Rejected(VerdictCodes.Prefix), CredentialChecks.None with { Prefix = false }),
        };
    }

    private static VerifyReport Dcc(string code, VerifyTrust trust, DateTimeOffset now)
    {
        var bundle = trust.DccChecks;
        var result = DccVerifier.Verify(code, trust.Dsc, now, bundle.Revocations, trust.Schemas);
        var checks = DccChecks.Evaluate(code, trust.Dsc, now, trust.Schemas);
        var (envelope, decoded) = DccVerifier.Decode(code);
        var verdict = result.Verdict;
        if (envelope is not null && decoded.Value is { } claims)
        {
            var rule = bundle.Rules.Count > 0 ? DccRuleCheck.Evaluate(claims, bundle.Rules, bundle.ValueSets, now, CodeVerifier.CountryOfArrival) : null;
            checks = checks with
            {
                Revocation = bundle.Revocations.Count > 0 ? !RevocationCheck.IsRevoked(envelope, claims, bundle.Revocations) : null,
                Rules = bundle.Rules.Count > 0 ? rule is null : null,
            };
            verdict = verdict is Verdict.Accepted && rule is not null ? rule : verdict;
        }

        var payload = result.Claims?.Payload;
        var name = payload?["nam"] is JsonObject nam ? Join(Text(nam, "gn") ?? Text(nam, "gnt"), Text(nam, "fn") ?? Text(nam, "fnt")) : null;
        return new VerifyReport(CodeFormats.Dcc, verdict, checks)
        {
            Subject = payload is null ? null : new VerifySubject(name, Text(payload, "dob")),
        };
    }

    private static VerifyReport Shc(string code, VerifyTrust trust, DateTimeOffset now)
    {
        var result = ShcVerifier.Verify(code, trust.ShcIssuers, now);
        var (jws, decoded) = ShcVerifier.Decode([code]);
        var checks = CredentialChecks.None;
        if (jws is not null && decoded.Value is { } claims)
        {
            var key = ShcSignatureStage.TryVerify(jws, claims, trust.ShcIssuers);
            checks = checks with
            {
                Signature = key.IsSuccess,
                Expiry = key.Value is { } k ? ShcValidityStage.TryCheck(claims, k, now).IsSuccess : null,
            };
        }

        return new VerifyReport(CodeFormats.SmartHealthCard, result.Verdict, checks) { Subject = ShcSubject(result.Claims ?? decoded.Value) };
    }

    private static VerifyReport Declaration(string code, VerifyTrust trust, DateTimeOffset now)
    {
        var result = DeclarationVerifier.Verify(code, trust.DeclarationSigners, now);
        return new VerifyReport(CodeFormats.DeclarationPass, result.Verdict, DeclarationChecks.Evaluate(code, trust.DeclarationSigners, now))
        {
            Subject = result.Claims?.Pass is { } pass ? new VerifySubject(pass.Name, pass.DateOfBirth) : null,
        };
    }

    private static VerifyReport VdsNc(string code, VerifyTrust trust, DateTimeOffset now)
    {
        var result = VdsNcVerifier.Verify(code, trust.VdsCscas, now);
        var checks = result.Data is null ? CredentialChecks.None : CredentialChecks.None with { Signature = result.SignatureVerified };
        return new VerifyReport(CodeFormats.VdsNc, result.Verdict, checks);
    }

    private static VerifyReport CitizenId(string code)
    {
        var result = CitizenIdParser.Parse(code);
        Verdict verdict = result.Identity is { } id ? new Verdict.Unverifiable(Unsigned) : new Verdict.Rejected(result.Code ?? VerdictCodes.CitizenIdFormat);
        return new VerifyReport(CodeFormats.CitizenId, verdict, CredentialChecks.None)
        {
            Subject = result.Identity is { } i ? new VerifySubject(i.FullName, i.DateOfBirth.ToString("yyyy-MM-dd", null), i.IdNumber) : null,
        };
    }

    private static VerifySubject? ShcSubject(ShcClaims? claims)
    {
        var patient = (claims?.FhirBundle["entry"] as JsonArray)?
            .Select(e => e?["resource"])
            .FirstOrDefault(r => r?["resourceType"]?.GetValueKind() == System.Text.Json.JsonValueKind.String && (string?)r["resourceType"] == "Patient");
        if (patient is null)
        {
            return null;
        }

        var name = patient["name"]?[0];
        var given = name?["given"] is JsonArray g ? string.Join(' ', g.Select(n => n?.ToString())) : null;
        return new VerifySubject(Join(given, name?["family"]?.ToString()), patient["birthDate"]?.ToString());
    }

    private static string? Text(JsonObject o, string key) =>
        o[key] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    private static string? Join(string? a, string? b) =>
        string.Join(' ', new[] { a, b }.Where(s => !string.IsNullOrEmpty(s))) is { Length: > 0 } joined ? joined : null;
}
