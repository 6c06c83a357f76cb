using ScanPoint.Hardware.Serial;

namespace ScanPoint.Hardware.Tests.Serial;

public sealed class SerialScanOptionsTests
{
    [Fact]
    public void Parse_PortWithOptions_ReadsThem()
    {
        var options = SerialScanOptions.Parse("serial:/dev/ttyACM0?baud=115200&terminator=crlf&maxlength=2000&interchar=80ms&poll=250ms");

        Assert.Equal("/dev/ttyACM0", options.PortName);
        Assert.Equal(115200, options.BaudRate);
        Assert.Equal("\r\n", options.Terminator);
        Assert.Equal(2000, options.MaxScanLength);
        Assert.Equal(TimeSpan.FromMilliseconds(80), options.InterCharTimeout);
        Assert.Equal(TimeSpan.FromMilliseconds(250), options.DevicePollInterval);
        Assert.Equal("serial:/dev/ttyACM0", options.Name);
    }

    [Fact]
    public void Parse_PortOnly_HasDefaults()
    {
        var options = SerialScanOptions.Parse("serial:/dev/serial/by-id/usb-Honeywell_Imager-if00");

        Assert.Equal(9600, options.BaudRate);
        Assert.Equal("\r", options.Terminator);
        Assert.Equal(SerialScanOptions.DefaultMaxScanLength, options.MaxScanLength);
        Assert.Null(options.InterCharTimeout);
    }

    [Theory]
    [InlineData("cr", "\r")]
    [InlineData("LF", "\n")]
    [InlineData("tab", "\t")]
    [InlineData("%03", "\u0003")]
    [InlineData("%0D%0A", "\r\n")]
    [InlineData("END", "END")]
    public void Parse_Terminator_IsNamedOrLiteral(string given, string expected)
    {
        Assert.Equal(expected, SerialScanOptions.Parse($"serial:/dev/ttyACM0?terminator={given}").Terminator);
    }

    [Theory]
    [InlineData("hid:/dev/ttyACM0", "serial:")]
    [InlineData("serial:", "no device")]
    [InlineData("serial:/dev/ttyACM0?baud=fast", "baud='fast'")]
    [InlineData("serial:/dev/ttyACM0?baud=0", "baud='0'")]
    [InlineData("serial:/dev/ttyACM0?terminator=", "terminator=''")]
    [InlineData("serial:/dev/ttyACM0?terminator=none", "interchar")]
    [InlineData("serial:/dev/ttyACM0?interchar=soon", "interchar='soon'")]
    [InlineData("serial:/dev/ttyACM0?parity=even", "parity")]
    public void Parse_BadSpec_ThrowsNamingTheBadPart(string spec, string named)
    {
        var error = Assert.ThrowsAny<ArgumentException>(() => SerialScanOptions.Parse(spec));

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }
}
