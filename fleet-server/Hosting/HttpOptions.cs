using System.ComponentModel.DataAnnotations;

namespace ScanPoint.FleetServer.Hosting;

/// <summary>The <c>Http</c> configuration section: the API and dashboard endpoint.</summary>
public sealed class HttpOptions
{
    public const string SectionName = "Http";

    [Required]
    public string Address { get; set; } = "127.0.0.1";

    [Range(0, 65535)]
    public int Port { get; set; } = 5080;
}
