using System.Collections.Concurrent;
using System.Net;
using ScanPoint.TestKit;

namespace ScanPoint.Kiosk.Tests.Verification;

/// <summary>A small HTTP server on 127.0.0.1 serving whatever bytes a test puts at a path.</summary>
internal sealed class BundleServer : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly ConcurrentDictionary<string, byte[]> _files = new();
    private readonly Task _loop;

    public BundleServer()
    {
        Root = new Uri($"http://127.0.0.1:{FreePort.Next()}/");
        _listener.Prefixes.Add(Root.AbsoluteUri);
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    public Uri Root { get; }

    public int Requests;

    public Uri Put(string path, byte[] bytes)
    {
        _files[path] = bytes;
        return new Uri(Root, path);
    }

    public void Dispose()
    {
        _listener.Close();
        _loop.Wait(TimeSpan.FromSeconds(5));
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            Interlocked.Increment(ref Requests);
            if (_files.TryGetValue(context.Request.Url!.AbsolutePath.TrimStart('/'), out var bytes))
            {
                context.Response.ContentLength64 = bytes.Length;
                await context.Response.OutputStream.WriteAsync(bytes);
            }
            else
            {
                context.Response.StatusCode = 404;
            }

            context.Response.Close();
        }
    }
}
