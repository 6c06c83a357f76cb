using System.Device.Gpio;

namespace ScanPoint.Hardware.Tests.Signals;

/// <summary>
/// A GPIO chip in memory under a real <see cref="GpioController"/>: records every pin write with the fake clock's
/// time, and can be told to fail opening or writing a pin.
/// </summary>
internal sealed class FakeGpioDriver(TimeProvider time, int pinCount = 64) : GpioDriver
{
    private readonly Lock _lock = new();
    private readonly List<PinWrite> _writes = [];
    private readonly Dictionary<int, PinValue> _levels = [];
    private readonly HashSet<int> _open = [];

    public HashSet<int> FailOpen { get; } = [];

    public HashSet<int> FailWrite { get; } = [];

    public bool Disposed { get; private set; }

    public IReadOnlyList<PinWrite> Writes
    {
        get
        {
            lock (_lock)
            {
                return [.. _writes];
            }
        }
    }

    public IReadOnlyCollection<int> OpenPins
    {
        get
        {
            lock (_lock)
            {
                return [.. _open];
            }
        }
    }

    public PinValue Level(int pin)
    {
        lock (_lock)
        {
            return _levels.GetValueOrDefault(pin, PinValue.Low);
        }
    }

    public void ClearWrites()
    {
        lock (_lock)
        {
            _writes.Clear();
        }
    }

    protected override int PinCount => pinCount;

    protected override void OpenPin(int pinNumber)
    {
        if (FailOpen.Contains(pinNumber))
        {
            throw new IOException($"gpio line {pinNumber} is busy");
        }

        lock (_lock)
        {
            _open.Add(pinNumber);
        }
    }

    protected override void ClosePin(int pinNumber)
    {
        lock (_lock)
        {
            _open.Remove(pinNumber);
        }
    }

    protected override void SetPinMode(int pinNumber, PinMode mode)
    {
    }

    protected override PinMode GetPinMode(int pinNumber) => PinMode.Output;

    protected override bool IsPinModeSupported(int pinNumber, PinMode mode) => mode is PinMode.Output or PinMode.Input;

    protected override PinValue Read(int pinNumber) => Level(pinNumber);

    protected override void Toggle(int pinNumber) => Write(pinNumber, !Level(pinNumber));

    protected override void Write(int pinNumber, PinValue value)
    {
        if (FailWrite.Contains(pinNumber))
        {
            throw new IOException($"gpio line {pinNumber}: write failed");
        }

        lock (_lock)
        {
            _levels[pinNumber] = value;
            _writes.Add(new PinWrite(time.GetUtcNow(), pinNumber, value));
        }
    }

    protected override WaitForEventResult WaitForEvent(int pinNumber, PinEventTypes eventTypes, CancellationToken cancellationToken) =>
        throw new NotSupportedException();

    protected override void AddCallbackForPinValueChangedEvent(int pinNumber, PinEventTypes eventTypes, PinChangeEventHandler callback) =>
        throw new NotSupportedException();

    protected override void RemoveCallbackForPinValueChangedEvent(int pinNumber, PinChangeEventHandler callback) =>
        throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        Disposed = true;
        base.Dispose(disposing);
    }
}
