using ScanPoint.Credentials.CitizenId;
using ScanPoint.Credentials.Dcc;
using ScanPoint.Credentials.Declarations;
using ScanPoint.Credentials.Shc;
using ScanPoint.Credentials.Trust;
using ScanPoint.Credentials.VdsNc;
using ScanPoint.Credentials.Verdicts;

namespace ScanPoint.Credentials.Tests.Hostile;

/// <summary>
/// QR text over each format's bound: TOO_LARGE. The citizen-ID parser returns no verdict; its refusal is shown as
/// Rejected(code), a parsed card as Accepted (it is never green in the kiosk).
/// </summary>
internal static class OversizedCases
{
    private static DateTimeOffset Now => HostileKeys.Now;

    public static IEnumerable<HostileCase> All() =>
    [
        Case("HC1", "text-8KiB-plus-1", () => "HC1:" + new string('0', PrefixStage.MaxTextLength - 3), t => DccVerifier.Verify(t, DscTrustList.Empty, Now).Verdict),
        Case("HC1", "text-1MiB", () => "HC1:" + new string('0', 1 << 20), t => DccVerifier.Verify(t, DscTrustList.Empty, Now).Verdict),
        Case("SHC", "text-9000-digits", () => "shc:/" + new string('5', 9000), t => ShcVerifier.Verify(t, HostileKeys.ShcIssuers, Now).Verdict),
        Case("VDS-NC", "text-9000-ascii", () => "{\"data\":\"" + new string('a', 9000) + "\"}", t => VdsNcVerifier.Verify(t, VdsNcTrust.Empty, Now).Verdict),
        Case("VDS-NC", "text-3000-chars-9000-utf8-bytes", () => new string('€', 3000), t => VdsNcVerifier.Verify(t, VdsNcTrust.Empty, Now).Verdict),
        Case("DCL1", "text-9000", () => DeclarationVerifier.Prefix + new string('0', 9000), t => DeclarationVerifier.Verify(t, DscTrustList.Empty, Now).Verdict),
        Case("CCCD", "text-1025", () => "001090000001|" + new string('x', CitizenIdParser.MaxLength), CitizenId),
    ];

    private static Verdict CitizenId(string text) =>
        CitizenIdParser.Parse(text) is { Parsed: false, Code: { } code } ? new Verdict.Rejected(code) : new Verdict.Accepted();

    private static HostileCase Case(string format, string name, Func<string> text, Func<string, Verdict> verify) =>
        new(format, name, new Verdict.Rejected(VerdictCodes.TooLarge), () =>
        {
            var qr = text();
            return () => verify(qr);
        });
}
