namespace ScanPoint.Credentials.Trust;

/// <summary>
/// The trusted document signer certificates, looked up by key id. A kid may be shorter than 8 bytes or shared
/// by several DSCs: <see cref="Find"/> returns every DSC whose SHA-256 starts with it.
/// </summary>
public sealed class DscTrustList
{
    private readonly DscCertificate[] _certificates;

    private DscTrustList(DscCertificate[] certificates, int rejectedCount)
    {
        _certificates = certificates;
        RejectedCount = rejectedCount;
    }

    public static DscTrustList Empty { get; } = new([], 0);

    public int Count => _certificates.Length;

    /// <summary>How many inputs were not valid X.509 certificates and were left out.</summary>
    public int RejectedCount { get; }

    public IReadOnlyList<DscCertificate> Certificates => _certificates;

    /// <summary>Builds the list from DER certificates; ones that do not parse are counted in <see cref="RejectedCount"/>.</summary>
    public static DscTrustList FromDer(IEnumerable<byte[]> derCertificates)
    {
        var parsed = new List<DscCertificate>();
        var rejected = 0;
        foreach (var der in derCertificates)
        {
            if (DscCertificate.TryCreate(der) is { } dsc)
            {
                parsed.Add(dsc);
            }
            else
            {
                rejected++;
            }
        }

        return new DscTrustList([.. parsed], rejected);
    }

    /// <summary>This list and <paramref name="other"/> together (e.g. a bundle's DSCs plus ones a technician names).</summary>
    public DscTrustList Concat(DscTrustList other) =>
        new([.. _certificates, .. other._certificates], RejectedCount + other.RejectedCount);

    /// <summary>Every DSC the key id may name (empty kid: none).</summary>
    public IReadOnlyList<DscCertificate> Find(ReadOnlySpan<byte> kid)
    {
        if (kid.IsEmpty || kid.Length > 32)
        {
            return [];
        }

        var matches = new List<DscCertificate>();
        foreach (var dsc in _certificates)
        {
            if (dsc.Sha256.Span.StartsWith(kid))
            {
                matches.Add(dsc);
            }
        }

        return matches;
    }
}
