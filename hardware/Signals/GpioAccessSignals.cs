using System.Device.Gpio;
using System.Device.Gpio.Drivers;

namespace ScanPoint.Hardware.Signals;

/// <summary>
/// LEDs, buzzer and relay on GPIO pins through System.Device.Gpio. Takes a <see cref="GpioController"/> and disposes
/// it only when it owns it (<see cref="Open"/>); the pins it opened are driven off and closed on dispose. A pin that
/// cannot be opened, or a write that throws, marks the signals faulted; the other outputs go on working.
/// </summary>
public sealed class GpioAccessSignals : PatternedAccessSignals
{
    private readonly GpioController _controller;
    private readonly bool _ownsController;
    private readonly SignalsOptions _options;
    private readonly Dictionary<SignalOutputs, int> _open = [];

    public GpioAccessSignals(GpioController controller, SignalsOptions options, TimeProvider time, bool ownsController = false)
        : base("gpio", options, time)
    {
        ArgumentNullException.ThrowIfNull(controller);
        _controller = controller;
        _ownsController = ownsController;
        _options = options;
        foreach (var (output, pin) in options.Pins())
        {
            try
            {
                controller.OpenPin(pin, PinMode.Output, Level(output, on: false));
                _open[output] = pin;
            }
            catch (Exception ex)
            {
                MarkFaulted(ex);
            }
        }
    }

    /// <summary>
    /// Opens the board's GPIO (libgpiod on <see cref="SignalsOptions.Chip"/> when set, else the driver
    /// System.Device.Gpio picks); when there is no GPIO to open, signals that report the fault and do nothing.
    /// </summary>
    public static IAccessSignals Open(SignalsOptions options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        GpioController controller;
        try
        {
            controller = options.Chip is { } chip ? new GpioController(new LibGpiodDriver(chip)) : new GpioController();
        }
        catch (Exception ex)
        {
            return DisabledAccessSignals.Faulted("gpio", $"{ex.GetType().Name}: {ex.Message}", time);
        }

        return new GpioAccessSignals(controller, options, time, ownsController: true);
    }

    protected override void Write(SignalOutputs output, bool on)
    {
        if (_open.TryGetValue(output, out var pin))
        {
            _controller.Write(pin, Level(output, on));
        }
    }

    protected override void Dispose(bool disposing)
    {
        foreach (var pin in _open.Values)
        {
            try
            {
                _controller.ClosePin(pin);
            }
            catch (Exception ex)
            {
                MarkFaulted(ex);
            }
        }

        _open.Clear();
        if (_ownsController)
        {
            _controller.Dispose();
        }

        base.Dispose(disposing);
    }

    private PinValue Level(SignalOutputs output, bool on) => on != _options.IsActiveLow(output) ? PinValue.High : PinValue.Low;
}
