using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ScanPoint.Contracts.Trust;
using ScanPoint.Kiosk.Provisioning;
using ScanPoint.Kiosk.Reporting;

namespace ScanPoint.Kiosk.Verification;

/// <summary>
/// Follows the fleet's trust announcements (<c>sp/v1/bcast/trust</c>, handed over by the reporter): when one names a
/// newer version than the loaded bundle, downloads it (bounded, <see cref="MaxBytes"/>), checks the announced SHA-256,
/// and hands it to <see cref="KioskTrust.Accept"/>, which verifies the anchor's signature, refuses older versions and
/// swaps it in. A failed attempt is retried at the next announcement or after <see cref="KioskOptions.TrustRetryInterval"/>.
/// </summary>
public sealed class TrustUpdater : BackgroundService
{
    /// <summary>Largest bundle downloaded.</summary>
    public const int MaxBytes = 8 * 1024 * 1024;

    private readonly KioskTrust _trust;
    private readonly IOptions<KioskOptions> _options;
    private readonly TimeProvider _time;
    private readonly ILogger<TrustUpdater> _logger;
    private readonly HttpClient _http;
    private readonly OutboxSignal _wake = new();
    private volatile TrustAnnounced? _latest;

    public TrustUpdater(KioskTrust trust, IOptions<KioskOptions> options, TimeProvider time, ILogger<TrustUpdater> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        (_trust, _options, _time, _logger) = (trust, options, time, logger);
        _http = new HttpClient(new SocketsHttpHandler { SslOptions = { RemoteCertificateValidationCallback = ValidateServer } }) { Timeout = TimeSpan.FromMinutes(1) };
    }

    /// <summary>Takes an announcement from the broker; the download happens on the updater's own loop.</summary>
    public void Announce(TrustAnnounced announcement)
    {
        _latest = announcement;
        _wake.Notify();
    }

    /// <summary>
    /// Fetches and verifies the latest announced bundle now (the <c>refresh-trust</c> command): <c>UPDATED</c>, or
    /// <c>NOT_NEWER</c> when the loaded bundle is already current, or why it failed.
    /// </summary>
    public Task<TrustUpdateResult> RefreshAsync(CancellationToken cancellationToken) =>
        _latest is { } announcement
            ? UpdateAsync(announcement, cancellationToken)
            : Task.FromResult(new TrustUpdateResult(TrustUpdateResult.NoAnnouncement, "no trust announcement received since start"));

    /// <summary>One attempt: download, check size and hash, verify and swap in when newer than the loaded bundle.</summary>
    public async Task<TrustUpdateResult> UpdateAsync(TrustAnnounced announcement, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(announcement);
        if (!_trust.HasAnchor)
        {
            return new(Credentials.Verdicts.VerdictCodes.NoTrust, "no trust anchor is pinned: a bundle could not be verified");
        }

        var loaded = _trust.Bundle?.Version ?? 0;
        if (announcement.Version <= loaded)
        {
            return new(TrustUpdateResult.NotNewer, $"announced v{announcement.Version}, loaded v{loaded}");
        }

        if (announcement.Size > MaxBytes)
        {
            return new(TrustUpdateResult.TooLarge, $"announced {announcement.Size} bytes, at most {MaxBytes}");
        }

        byte[] bytes;
        try
        {
            bytes = await DownloadAsync(new Uri(announcement.Url), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException or InvalidDataException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return new(ex is InvalidDataException ? TrustUpdateResult.TooLarge : TrustUpdateResult.DownloadFailed, ex.Message);
        }

        if (!string.Equals(Convert.ToHexStringLower(SHA256.HashData(bytes)), announcement.Sha256, StringComparison.Ordinal))
        {
            return new(TrustUpdateResult.HashMismatch, "the downloaded file's SHA-256 is not the announced one");
        }

        var result = _trust.Accept(bytes);
        return result.Bundle is { } bundle
            ? new(TrustUpdateResult.Updated, $"v{loaded} -> v{bundle.Version}")
            : new(result.Code!, result.Reason!);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            await _wake.WaitAsync(_options.Value.TrustRetryInterval, _time, stoppingToken).ConfigureAwait(false);
            if (_latest is not { } announcement || announcement.Version <= (_trust.Bundle?.Version ?? 0))
            {
                continue;
            }

            var result = await UpdateAsync(announcement, stoppingToken).ConfigureAwait(false);
            if (!result.IsUpdated)
            {
                Log.TrustUpdateFailed(_logger, announcement.Version, result.Code, result.Reason, _options.Value.TrustRetryInterval);
            }
        }
    }

    public override void Dispose()
    {
        _http.Dispose();
        base.Dispose();
    }

    private async Task<byte[]> DownloadAsync(Uri url, CancellationToken cancellationToken)
    {
        using var response = await _http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        if (response.Content.Headers.ContentLength > MaxBytes)
        {
            throw new InvalidDataException($"the bundle is larger than {MaxBytes} bytes");
        }

        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            using var buffer = new MemoryStream();
            var chunk = new byte[81920];
            int read;
            while ((read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
            {
                if (buffer.Length + read > MaxBytes)
                {
                    throw new InvalidDataException($"the bundle is larger than {MaxBytes} bytes");
                }

                buffer.Write(chunk, 0, read);
            }

            return buffer.ToArray();
        }
    }

    /// <summary>An enrolled kiosk trusts only servers chaining to its pinned fleet CA; otherwise the transport is accepted.</summary>
    private bool ValidateServer(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        var caPath = Path.Combine(_options.Value.DataDir, DeviceCertificateFiles.CaFileName);
        if (!File.Exists(caPath))
        {
            return true; // the content is authenticated by the anchor's signature, not by the transport
        }

        using var ca = DeviceCertificateFiles.LoadCa(_options.Value.DataDir);
        return certificate is X509Certificate2 server && DeviceCertificateFiles.ChainsTo(server, ca);
    }
}
