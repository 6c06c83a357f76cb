using System.Text.Json;
using ScanPoint.Contracts.Devices;

namespace ScanPoint.Kiosk.Provisioning;

/// <summary>
/// Who this kiosk is and where its fleet is: <c>kiosk.json</c> in the data directory, mode 0600. <see cref="Fleet"/>
/// is the broker; <see cref="FleetHttps"/> the fleet's HTTPS endpoint (enrolled kiosks renew their certificate there).
/// </summary>
public sealed record KioskIdentity(string DeviceId, string Province, string SiteId, Uri Fleet, string Secret, Uri? FleetHttps = null)
{
    public const string FileName = "kiosk.json";

    public static KioskIdentity From(DeviceCredential credential, Uri fleet) =>
        new(credential.DeviceId, credential.Province, credential.SiteId, fleet, credential.Secret);

    public static KioskIdentity Load(string dataDir)
    {
        var path = Path.Combine(dataDir, FileName);
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"{path} is missing: this kiosk is not provisioned (run: kiosk provision --fleet mqtt://HOST:PORT --credential CREDENTIAL --data-dir {dataDir})");
        }

        return JsonSerializer.Deserialize<KioskIdentity>(File.ReadAllText(path))
            ?? throw new InvalidOperationException($"{path} is empty");
    }

    /// <summary>Writes the identity and, if there is none yet, the outbox key (every provisioning path comes here).</summary>
    public void Save(string dataDir)
    {
        Directory.CreateDirectory(dataDir);
        Outbox.OutboxKey.LoadOrCreate(dataDir);
        AtomicFile.Write(Path.Combine(dataDir, FileName), JsonSerializer.SerializeToUtf8Bytes(this), AtomicFile.OwnerOnly);
    }
}
