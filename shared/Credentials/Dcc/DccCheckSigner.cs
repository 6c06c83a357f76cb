using ScanPoint.Credentials.Trust;

namespace ScanPoint.Credentials.Dcc;

/// <summary>
/// The DSCs that time and key usage are judged against when the stages are checked one by one: the DSC whose
/// signature verified; else every trusted DSC the kid names; else, when exactly one DSC is trusted, that one (the
/// technician named it, e.g. with <c>--trust-dsc</c>, so a wrong kid or a bad signature does not hide its window).
/// </summary>
public static class DccCheckSigner
{
    public static IReadOnlyList<DscCertificate> Candidates(CoseEnvelope envelope, DscTrustList trust, DscCertificate? verified)
    {
        if (verified is not null)
        {
            return [verified];
        }

        var named = envelope.Kid is { } kid ? trust.Find(kid) : [];
        return named.Count > 0 ? named
            : trust.Count == 1 ? [trust.Certificates[0]]
            : [];
    }
}
