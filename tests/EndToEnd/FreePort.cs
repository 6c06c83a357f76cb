using System.Net;
using System.Net.Sockets;

namespace ScanPoint.EndToEnd.Tests;

/// <summary>Free TCP ports on 127.0.0.1, found by binding to port 0.</summary>
internal static class FreePort
{
    /// <summary>Distinct free ports: every listener is held until all are picked, so none is handed out twice.</summary>
    public static int[] Take(int count)
    {
        var listeners = new List<TcpListener>();
        try
        {
            for (var i = 0; i < count; i++)
            {
                var listener = new TcpListener(IPAddress.Loopback, 0);
                listener.Start();
                listeners.Add(listener);
            }

            return [.. listeners.Select(l => ((IPEndPoint)l.LocalEndpoint).Port)];
        }
        finally
        {
            listeners.ForEach(l => l.Stop());
        }
    }
}
