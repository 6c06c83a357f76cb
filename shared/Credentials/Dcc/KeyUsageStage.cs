using ScanPoint.Credentials.Trust;
using ScanPoint.Credentials.Verdicts;

namespace ScanPoint.Credentials.Dcc;

/// <summary>
/// Stage 8: a DSC whose extended key usage names DCC types (1.3.6.1.4.1[.0].1847.2021.1.1/.2/.3 = t/v/r)
/// may sign only those types; a DSC without any of these OIDs may sign all.
/// </summary>
public static class KeyUsageStage
{
    public static StageResult<DccClaims> TryCheck(DccClaims claims, DscCertificate dsc) =>
        dsc.MaySign(claims.EntryTypes)
            ? StageResult<DccClaims>.Ok(claims)
            : StageResult<DccClaims>.Reject(VerdictCodes.KeyUsage);
}
