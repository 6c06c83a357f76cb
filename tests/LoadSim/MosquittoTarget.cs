using System.Diagnostics;
using ScanPoint.TestKit;

namespace ScanPoint.LoadSim;

/// <summary>
/// Mosquitto 2 with the same mutual TLS (the fleet CA, <c>require_certificate</c>, <c>use_identity_as_username</c>):
/// the peer the embedded broker is compared with, under the same load in the same run.
/// </summary>
internal sealed class MosquittoTarget(string dir, string caPem, string serverCertPem, string serverKeyPem) : BrokerTarget("mosquitto 2", FreePort.Next())
{
    protected override ProcessStartInfo StartInfo()
    {
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "ca.pem"), caPem);
        File.WriteAllText(Path.Combine(dir, "server.pem"), serverCertPem);
        File.WriteAllText(Path.Combine(dir, "server.key"), serverKeyPem);
        var conf = Path.Combine(dir, "mosquitto.conf");
        File.WriteAllText(conf, $"""
            per_listener_settings false
            persistence false
            log_dest none
            max_keepalive 120
            listener {Port} 127.0.0.1
            cafile {dir}/ca.pem
            certfile {dir}/server.pem
            keyfile {dir}/server.key
            require_certificate true
            use_identity_as_username true
            allow_anonymous false
            """);
        var start = new ProcessStartInfo("mosquitto") { UseShellExecute = false };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(conf);
        return start;
    }
}
