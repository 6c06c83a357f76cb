using ScanPoint.Hardware.Hid;

namespace ScanPoint.Hardware.Tests.Hid;

public sealed class HidScanOptionsTests
{
    [Fact]
    public void Parse_PathWithOptions_ReadsThem()
    {
        var options = HidScanOptions.Parse("hid:/dev/input/by-id/usb-XYZ-event-kbd?layout=de&terminator=tab&maxlength=100&interkey=150ms&grab=false&poll=2s");

        Assert.Equal("/dev/input/by-id/usb-XYZ-event-kbd", options.DevicePath);
        Assert.Same(KeyboardLayout.De, options.Layout);
        Assert.Equal(HidTerminators.Tab, options.Terminators);
        Assert.Equal(100, options.MaxScanLength);
        Assert.Equal(TimeSpan.FromMilliseconds(150), options.InterKeyTimeout);
        Assert.False(options.Grab);
        Assert.Equal(TimeSpan.FromSeconds(2), options.DevicePollInterval);
        Assert.Equal("hid:/dev/input/by-id/usb-XYZ-event-kbd", options.Name);
    }

    [Fact]
    public void Parse_UsbId_ReadsVendorAndProductWithDefaults()
    {
        var options = HidScanOptions.Parse("hid:usb=05e0:1200");

        Assert.Null(options.DevicePath);
        Assert.Equal((ushort)0x05e0, options.UsbVendorId);
        Assert.Equal((ushort)0x1200, options.UsbProductId);
        Assert.Same(KeyboardLayout.Us, options.Layout);
        Assert.Equal(HidTerminators.Enter, options.Terminators);
        Assert.Equal(HidScanOptions.DefaultMaxScanLength, options.MaxScanLength);
        Assert.Null(options.InterKeyTimeout);
        Assert.True(options.Grab);
        Assert.Equal("hid:usb=05e0:1200", options.Name);
    }

    [Fact]
    public void Parse_BothTerminatorsAndNoneWithTimeout_AreAccepted()
    {
        Assert.Equal(HidTerminators.Enter | HidTerminators.Tab, HidScanOptions.Parse("hid:/dev/x?terminator=enter,tab").Terminators);
        Assert.Equal(HidTerminators.None, HidScanOptions.Parse("hid:/dev/x?terminator=none&interkey=0.2s").Terminators);
    }

    [Theory]
    [InlineData("serial:/dev/ttyACM0", "hid:")]
    [InlineData("hid:", "no device")]
    [InlineData("hid:usb=5e0:1200", "usb='5e0:1200'")]
    [InlineData("hid:usb=05e0", "usb='05e0'")]
    [InlineData("hid:usb=zzzz:1200", "usb='zzzz:1200'")]
    [InlineData("hid:/dev/x?layout=uk", "layout='uk'")]
    [InlineData("hid:/dev/x?terminator=space", "terminator='space'")]
    [InlineData("hid:/dev/x?maxlength=-1", "maxlength='-1'")]
    [InlineData("hid:/dev/x?interkey=5", "interkey='5'")]
    [InlineData("hid:/dev/x?grab=maybe", "grab='maybe'")]
    [InlineData("hid:/dev/x?poll=off", "poll='off'")]
    [InlineData("hid:/dev/x?layuot=de", "layuot")]
    [InlineData("hid:/dev/x?layout", "'layout'")]
    [InlineData("hid:/dev/x?layout=de&layout=fr", "'layout=fr'")]
    [InlineData("hid:/dev/x?terminator=none", "interkey")]
    public void Parse_BadSpec_ThrowsNamingTheBadPart(string spec, string named)
    {
        var error = Assert.ThrowsAny<ArgumentException>(() => HidScanOptions.Parse(spec));

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }
}
