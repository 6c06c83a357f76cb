using System.Text;
using ScanPoint.Hardware.Hid;

namespace ScanPoint.Hardware.Serial;

/// <summary>
/// How to read a serial or USB CDC-ACM imager. Spec: <c>serial:/dev/ttyACM0?baud=115200&amp;terminator=crlf</c>;
/// options <c>baud</c>, <c>terminator</c> (cr, lf, crlf, tab, none, or any other percent-encoded string such as
/// <c>%03</c>), <c>maxlength</c> (bytes), <c>interchar</c> (a duration, or off) and <c>poll</c> (hot-plug poll interval).
/// </summary>
public sealed record SerialScanOptions
{
    /// <summary>The largest QR code holds 4296 alphanumeric characters.</summary>
    public const int DefaultMaxScanLength = 4296;

    public required string PortName { get; init; }

    public int BaudRate { get; init; } = 9600;

    /// <summary>The bytes (as text) that end a scan; empty needs an inter-character timeout.</summary>
    public string Terminator { get; init; } = "\r";

    public int MaxScanLength { get; init; } = DefaultMaxScanLength;

    /// <summary>Ends a scan when no byte came for this long (for imagers without a terminator); null is off.</summary>
    public TimeSpan? InterCharTimeout { get; init; }

    /// <summary>How often to look again for a port that is not plugged in yet.</summary>
    public TimeSpan DevicePollInterval { get; init; } = TimeSpan.FromSeconds(1);

    public string Name => $"serial:{PortName}";

    public static SerialScanOptions Parse(string spec)
    {
        var parsed = ScanSpec.Parse(spec, "serial");
        var terminator = parsed.Take("terminator");
        var options = new SerialScanOptions
        {
            PortName = parsed.Target,
            BaudRate = parsed.TakeInt("baud", 9600, 50, 4_000_000),
            Terminator = terminator?.ToUpperInvariant() switch
            {
                null or "CR" => "\r",
                "LF" => "\n",
                "CRLF" => "\r\n",
                "TAB" => "\t",
                "NONE" => string.Empty,
                "" => throw parsed.Bad("terminator", terminator, "cr, lf, crlf, tab, none or a percent-encoded string"),
                _ => terminator,
            },
            MaxScanLength = parsed.TakeInt("maxlength", DefaultMaxScanLength, 1, 1 << 20),
            InterCharTimeout = parsed.TakeDuration("interchar", null),
            DevicePollInterval = parsed.TakeDuration("poll", TimeSpan.FromSeconds(1))
                ?? throw parsed.Bad("poll", "off", "a duration like 500ms"),
        };
        parsed.ThrowIfUnused();
        options.Validate();
        return options;
    }

    /// <summary>Throws if the options cannot work (no way to end a scan, bad numbers).</summary>
    public void Validate()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(PortName);
        if (Terminator.Length == 0 && InterCharTimeout is null)
        {
            throw new ArgumentException("serial source with terminator=none needs an inter-character timeout (interchar=…)", nameof(InterCharTimeout));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(BaudRate, 1, nameof(BaudRate));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxScanLength, 1, nameof(MaxScanLength));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(DevicePollInterval, TimeSpan.Zero, nameof(DevicePollInterval));
    }

    internal byte[] TerminatorBytes => Encoding.UTF8.GetBytes(Terminator);
}
