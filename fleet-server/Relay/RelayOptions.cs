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

        if (MaxBackoff < MinBackoff)
        {
            yield return new ValidationResult("Relay:MaxBackoff must not be shorter than Relay:MinBackoff", [nameof(MaxBackoff)]);
        }
    }
}
