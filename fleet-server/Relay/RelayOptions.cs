using System.ComponentModel.DataAnnotations;

namespace ScanPoint.FleetServer.Relay;

/// <summary>The <c>Relay</c> configuration section: where and how check-ins go to the national tracing backend.</summary>
public sealed class RelayOptions : IValidatableObject
{
    public const string SectionName = "Relay";

    /// <summary>The intake's base address (http or https), e.g. <c>https://intake.example/</c>; empty turns the relay off.</summary>
    public string Url { get; set; } = "";

    /// <summary>Check-ins per request (the contract allows up to 5000).</summary>
    [Range(1, 5000, ErrorMessage = "Relay:BatchSize must be 1..5000")]
    public int BatchSize { get; set; } = 1000;

    /// <summary>Requests in flight at once.</summary>
    [Range(1, 64, ErrorMessage = "Relay:MaxInFlight must be 1..64")]
    public int MaxInFlight { get; set; } = 4;

    /// <summary>How long one request may take before it counts as failed (and is retried).</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:10:00", ErrorMessage = "Relay:Timeout must be 00:00:00.1..00:10:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>First retry delay; each further failure doubles it, up to <see cref="MaxBackoff"/>, with jitter.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00", ErrorMessage = "Relay:MinBackoff must be 00:00:00.01..00:10:00")]
    public TimeSpan MinBackoff { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Longest retry delay: while the backend is down, each batch tries again at most this often.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00", ErrorMessage = "Relay:MaxBackoff must be 00:00:00.01..01:00:00")]
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often an empty outbox is looked at again.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00", ErrorMessage = "Relay:PollInterval must be 00:00:00.01..00:10:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Sent as <c>Authorization: Bearer …</c> when set.</summary>
    public string BearerToken { get; set; } = "";

    /// <summary>Consecutive failed requests that open the circuit breaker.</summary>
    [Range(1, 1000, ErrorMessage = "Relay:CircuitFailures must be 1..1000")]
    public int CircuitFailures { get; set; } = 5;

    /// <summary>How long an open circuit sends nothing before one probe request.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00", ErrorMessage = "Relay:CircuitOpenFor must be 00:00:00.01..01:00:00")]
    public TimeSpan CircuitOpenFor { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Failed attempts (counted per outbox entry, persisted) after which an entry moves to dead letters.</summary>
    [Range(1, 100_000, ErrorMessage = "Relay:MaxAttempts must be 1..100000")]
    public int MaxAttempts { get; set; } = 20;

    /// <summary>
    /// The fleet's client certificate for mutual TLS to the backend: a PEM file (with the key in it, or in
    /// <see cref="ClientKeyPath"/>) or a PKCS#12 file (<c>.pfx</c>/<c>.p12</c>, password in
    /// <see cref="ClientCertificatePassword"/>). The alternative to <see cref="BearerToken"/>; needs an https Url.
    /// </summary>
    public string ClientCertificatePath { get; set; } = "";

    /// <summary>The PEM private key of <see cref="ClientCertificatePath"/> when it is not in the same file.</summary>
    public string ClientKeyPath { get; set; } = "";

    /// <summary>The password of a PKCS#12 <see cref="ClientCertificatePath"/> (or of an encrypted PEM key).</summary>
    public string ClientCertificatePassword { get; set; } = "";

    /// <summary>
    /// A PEM (or DER) CA certificate: when set, the backend's certificate must chain to it and only to it (the
    /// machine's trusted roots are not used); its name must still match the Url's host.
    /// </summary>
    public string CaCertificatePath { get; set; } = "";

    /// <summary>This fleet's name, sent as the batch's <c>source</c>.</summary>
    [Required(ErrorMessage = "Relay:Source is required")]
    [StringLength(128, MinimumLength = 1, ErrorMessage = "Relay:Source must be 1..128 characters")]
    public string Source { get; set; } = "scanpoint-fleet";

    public bool Enabled => Url.Length > 0;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Enabled && (!Uri.TryCreate(Url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)))
        {
            yield return new ValidationResult($"Relay:Url '{Url}' must be an absolute http or https address (or empty to turn the relay off)", [nameof(Url)]);
        }

        var https = Uri.TryCreate(Url, UriKind.Absolute, out var address) && address.Scheme == Uri.UriSchemeHttps;
        foreach (var (key, path) in new[] { ("ClientCertificatePath", ClientCertificatePath), ("ClientKeyPath", ClientKeyPath), ("CaCertificatePath", CaCertificatePath) })
        {
            if (path.Length > 0 && !File.Exists(path))
            {
                yield return new ValidationResult($"Relay:{key} '{path}' does not exist", [key]);
            }

            if (path.Length > 0 && Enabled && !https)
            {
                yield return new ValidationResult($"Relay:{key} needs an https Relay:Url", [key]);
            }
        }

        if (ClientKeyPath.Length > 0 && ClientCertificatePath.Length == 0)
        {
            yield return new ValidationResult("Relay:ClientKeyPath needs Relay:ClientCertificatePath", [nameof(ClientKeyPath)]);
        }

        if (MaxBackoff < MinBackoff)
        {
            yield return new ValidationResult("Relay:MaxBackoff must not be shorter than Relay:MinBackoff", [nameof(MaxBackoff)]);
        }
    }
}
