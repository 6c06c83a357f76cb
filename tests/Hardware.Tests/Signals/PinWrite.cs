using System.Device.Gpio;

namespace ScanPoint.Hardware.Tests.Signals;

/// <summary>One write a <see cref="FakeGpioDriver"/> saw.</summary>
internal readonly record struct PinWrite(DateTimeOffset At, int Pin, PinValue Value);
