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

    /// <summary>A PEM server certificate (with its key, or the key in <see cref="KeyPath"/>): serve HTTPS instead of HTTP.</summary>
    public string CertificatePath { get; set; } = "";

    /// <summary>The PEM private key of <see cref="CertificatePath"/> when it is not in the same file.</summary>
    public string KeyPath { get; set; } = "";

    /// <summary>
    /// A PEM CA certificate: with HTTPS, every client must present a certificate that chains to it (mutual TLS);
    /// a connection without one, or with another, is refused in the handshake.
    /// </summary>
    public string ClientCaPath { get; set; } = "";
}
