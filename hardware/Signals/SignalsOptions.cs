using System.ComponentModel.DataAnnotations;

namespace ScanPoint.Hardware.Signals;

/// <summary>
/// The <c>Signals</c> configuration section: which driver, the BCM pin of each output (unset = not wired), active-low
/// outputs, and the door relay. Wiring: hardware/README.md.
/// </summary>
public sealed class SignalsOptions : IValidatableObject
{
    public const string SectionName = "Signals";

    /// <summary><c>gpio</c> (System.Device.Gpio), <c>simulated</c> (records what it would do) or <c>none</c>.</summary>
    [RegularExpression("^(gpio|simulated|none)$", ErrorMessage = "Signals:Driver must be gpio, simulated or none.")]
    public string Driver { get; set; } = "none";

    /// <summary>The gpiochip number for libgpiod; unset lets System.Device.Gpio pick the board's driver.</summary>
    [Range(0, 64, ErrorMessage = "Signals:Chip must be a gpiochip number (0-64).")]
    public int? Chip { get; set; }

    [Range(0, 511, ErrorMessage = "Signals:GreenPin must be a GPIO line number (0-511).")]
    public int? GreenPin { get; set; } = 17;

    [Range(0, 511, ErrorMessage = "Signals:RedPin must be a GPIO line number (0-511).")]
    public int? RedPin { get; set; } = 27;

    [Range(0, 511, ErrorMessage = "Signals:BuzzerPin must be a GPIO line number (0-511).")]
    public int? BuzzerPin { get; set; } = 22;

    [Range(0, 511, ErrorMessage = "Signals:RelayPin must be a GPIO line number (0-511).")]
    public int? RelayPin { get; set; } = 23;

    /// <summary>The LEDs and the buzzer are on when their pin is low.</summary>
    public bool ActiveLow { get; set; }

    /// <summary>The relay is energised when its pin is low (most opto-isolated relay boards).</summary>
    public bool RelayActiveLow { get; set; }

    /// <summary>Pulse the door or turnstile relay on an accepted verdict.</summary>
    public bool Relay { get; set; }

    /// <summary>How long the relay stays energised per accepted verdict.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:00:30", ErrorMessage = "Signals:RelayPulse must be between 50 ms and 30 s.")]
    public TimeSpan RelayPulse { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The configured pins by output.</summary>
    public IReadOnlyDictionary<SignalOutputs, int> Pins()
    {
        var pins = new Dictionary<SignalOutputs, int>();
        void Add(SignalOutputs output, int? pin)
        {
            if (pin is { } p)
            {
                pins[output] = p;
            }
        }

        Add(SignalOutputs.Green, GreenPin);
        Add(SignalOutputs.Red, RedPin);
        Add(SignalOutputs.Buzzer, BuzzerPin);
        Add(SignalOutputs.Relay, RelayPin);
        return pins;
    }

    public bool IsActiveLow(SignalOutputs output) => output == SignalOutputs.Relay ? RelayActiveLow : ActiveLow;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var pins = Pins();
        if (pins.Values.Distinct().Count() != pins.Count)
        {
            yield return new ValidationResult("Signals:GreenPin, RedPin, BuzzerPin and RelayPin must be different pins.", [nameof(GreenPin)]);
        }

        if (Relay && RelayPin is null)
        {
            yield return new ValidationResult("Signals:Relay is on but Signals:RelayPin is not set.", [nameof(RelayPin)]);
        }
    }
}
