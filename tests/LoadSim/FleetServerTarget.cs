using System.Diagnostics;
using ScanPoint.TestKit;

namespace ScanPoint.LoadSim;

/// <summary>The fleet server (embedded MQTTnet broker on Kestrel, SQLite) as a process, its TLS endpoint under load.</summary>
internal sealed class FleetServerTarget(string dir, string dll, bool serverGc) : BrokerTarget($"fleet-server (MQTTnet on Kestrel, {(serverGc ? "server" : "workstation")} GC)", FreePort.Next())
{
    private readonly int _httpPort = FreePort.Next();
    private readonly int _plainPort = FreePort.Next();
    private readonly int _httpsPort = FreePort.Next();

    public string DatabasePath => Path.Combine(dir, "fleet.db");

    public string CaDir => Path.Combine(dir, "ca");

    protected override ProcessStartInfo StartInfo()
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = false, UseShellExecute = false };
        foreach (var arg in new[]
        {
            dll, $"--Storage:SqlitePath={DatabasePath}", $"--Enrolment:CaDir={CaDir}", $"--Mqtt:Port={_plainPort}", $"--Mqtt:TlsPort={Port}",
            $"--Http:Port={_httpPort}", $"--Enrolment:HttpsPort={_httpsPort}", "--Logging:LogLevel:Default=Warning",
        })
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["DOTNET_gcServer"] = serverGc ? "1" : "0"; // ASP.NET's default is server GC
        return start;
    }
}
