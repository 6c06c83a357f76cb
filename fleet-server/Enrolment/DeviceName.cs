using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography.X509Certificates;
using ScanPoint.Contracts.Devices;

namespace ScanPoint.FleetServer.Enrolment;

/// <summary>
/// Who a device certificate names: <c>CN={device id}, OU={site}, O={province}</c>. The CN alone is the device id, so an
/// external Mosquitto with <c>use_identity_as_username</c> sees the same name the embedded broker does.
/// </summary>
public sealed record DeviceName(string DeviceId, string Province, string SiteId)
{
    private const string CommonName = "2.5.4.3";
    private const string Organization = "2.5.4.10";
    private const string OrganizationalUnit = "2.5.4.11";

    public X500DistinguishedName ToSubject()
    {
        var builder = new X500DistinguishedNameBuilder();
        builder.AddOrganizationName(Province);
        builder.AddOrganizationalUnitName(SiteId);
        builder.AddCommonName(DeviceId);
        return builder.Build();
    }

    /// <summary>Reads the name from a certificate's subject; false when a part is missing, repeated or not a valid name.</summary>
    public static bool TryRead(X509Certificate2 certificate, [NotNullWhen(true)] out DeviceName? name)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        name = null;
        var parts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var rdn in certificate.SubjectName.EnumerateRelativeDistinguishedNames())
        {
            if (rdn.HasMultipleElements || rdn.GetSingleElementValue() is not { } value || !parts.TryAdd(rdn.GetSingleElementType().Value ?? "", value))
            {
                return false;
            }
        }

        if (parts.TryGetValue(CommonName, out var id) && parts.TryGetValue(Organization, out var province) && parts.TryGetValue(OrganizationalUnit, out var site)
            && DeviceCredential.IsName(id) && DeviceCredential.IsName(province) && DeviceCredential.IsName(site))
        {
            name = new DeviceName(id, province, site);
            return true;
        }

        return false;
    }
}
