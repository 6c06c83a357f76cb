using System.Globalization;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using ScanPoint.Kiosk.Provisioning;

namespace ScanPoint.Kiosk.Commands;

/// <summary>
/// <c>kiosk selftest</c>'s broker check: a TCP connection to the provisioned broker and, for <c>mqtts://</c>, a TLS
/// handshake with the device certificate, the broker chained to the pinned fleet CA — within the timeout. No MQTT
/// session is opened (that would take over the running kiosk's session).
/// </summary>
internal static class SelftestCommandBroker
{
    public static async Task<SelftestCheck> CheckAsync(string dataDir, TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        if (!File.Exists(Path.Combine(dataDir, KioskIdentity.FileName)))
        {
            return SelftestCheck.Fail("broker", $"not provisioned: no {KioskIdentity.FileName} in {dataDir}");
        }

        var fleet = KioskIdentity.Load(dataDir).Fleet;
        var tls = fleet.Scheme == "mqtts";
        var port = fleet.Port > 0 ? fleet.Port : tls ? 8883 : 1883;
        var where = $"{fleet.Host}:{port}";
        using var bound = new CancellationTokenSource(timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, bound.Token);
        var started = time.GetTimestamp();
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(fleet.Host, port, linked.Token).ConfigureAwait(false);
            if (tls)
            {
                using var certificate = DeviceCertificateFiles.LoadClientCertificate(dataDir);
                using var ca = DeviceCertificateFiles.LoadCa(dataDir);
                using var ssl = new SslStream(client.GetStream(), leaveInnerStreamOpen: false);
                await ssl.AuthenticateAsClientAsync(new SslClientAuthenticationOptions
                {
                    TargetHost = fleet.Host,
                    ClientCertificates = [certificate],
                    RemoteCertificateValidationCallback = (_, server, _, errors) => server is X509Certificate2 s
                        && (errors & SslPolicyErrors.RemoteCertificateNameMismatch) == 0
                        && DeviceCertificateFiles.ChainsTo(s, ca),
                }, linked.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (bound.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return SelftestCheck.Fail("broker", $"{where}: no answer within {timeout.TotalSeconds:0.#} s");
        }
        catch (Exception ex) when (ex is SocketException or IOException or AuthenticationException or System.Security.Cryptography.CryptographicException)
        {
            return SelftestCheck.Fail("broker", $"{where}: {ex.Message}");
        }

        var ms = time.GetElapsedTime(started).TotalMilliseconds;
        return SelftestCheck.Pass("broker", string.Create(CultureInfo.InvariantCulture, $"{where}: {(tls ? "TCP and TLS with the fleet CA" : "TCP")} in {ms:0} ms"));
    }
}
