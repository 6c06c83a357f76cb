using System.ComponentModel.DataAnnotations;

namespace ScanPoint.NationalReceiver;

/// <summary>The <c>Receiver</c> configuration section.</summary>
public sealed class ReceiverOptions
{
    public const string SectionName = "Receiver";

    /// <summary>The SQLite file holding what was received; its folder must exist.</summary>
    [Required(ErrorMessage = "Receiver:DatabasePath is required")]
    public string DatabasePath { get; set; } = "national-intake.db";

    /// <summary>Loopback address to listen on.</summary>
    public string Address { get; set; } = "127.0.0.1";

    [Range(0, 65535, ErrorMessage = "Receiver:Port must be 0..65535")]
    public int Port { get; set; } = 8099;
}
