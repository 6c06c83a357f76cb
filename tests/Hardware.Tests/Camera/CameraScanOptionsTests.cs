using ScanPoint.Hardware.Camera;

namespace ScanPoint.Hardware.Tests.Camera;

public sealed class CameraScanOptionsTests
{
    [Fact]
    public void Parse_DeviceWithOptions_ReadsEveryOption()
    {
        var options = CameraScanOptions.Parse("camera:/dev/video2?width=640&height=480&debounce=1.5s&redecode=100ms&change=4.5&driver=v4l2");

        Assert.Equal("/dev/video2", options.Device);
        Assert.Null(options.File);
        Assert.Equal((640, 480), (options.Width, options.Height));
        Assert.Equal(TimeSpan.FromSeconds(1.5), options.Debounce);
        Assert.Equal(TimeSpan.FromMilliseconds(100), options.Redecode);
        Assert.Equal(4.5, options.ChangeThreshold);
        Assert.Equal(CameraDriver.V4l2, options.Driver);
        Assert.Equal("camera:/dev/video2", options.Name);
    }

    [Fact]
    public void Parse_BareCamera_DefaultsToVideo0At720p()
    {
        var options = CameraScanOptions.Parse("camera:");

        Assert.Equal("/dev/video0", options.Device);
        Assert.Equal((1280, 720), (options.Width, options.Height));
        Assert.Equal(TimeSpan.FromSeconds(3), options.Debounce);
        Assert.Equal(CameraDriver.Auto, options.Driver);
    }

    [Fact]
    public void Parse_File_ReadsPathAndReplayRate()
    {
        var options = CameraScanOptions.Parse("camera:file=/tmp/v i/video.avi?fps=30&debounce=1m");

        Assert.Null(options.Device);
        Assert.Equal("/tmp/v i/video.avi", options.File);
        Assert.Equal(30, options.ReplayFps);
        Assert.Equal(TimeSpan.FromMinutes(1), options.Debounce);
        Assert.Equal("camera:file=/tmp/v i/video.avi", options.Name);
    }

    [Theory]
    [InlineData("lines:/dev/video0", "does not start with 'camera:'")]
    [InlineData("camera:video0", "'video0' is neither a device path")]
    [InlineData("camera:file=", "file= names no file")]
    [InlineData("camera:/dev/video0?width=12", "width='12'")]
    [InlineData("camera:/dev/video0?height=tall", "height='tall'")]
    [InlineData("camera:/dev/video0?debounce=3", "debounce='3'")]
    [InlineData("camera:/dev/video0?debounce=-1s", "debounce='-1s'")]
    [InlineData("camera:/dev/video0?redecode=soon", "redecode='soon'")]
    [InlineData("camera:/dev/video0?change=300", "change='300'")]
    [InlineData("camera:/dev/video0?driver=gstreamer", "driver='gstreamer'")]
    [InlineData("camera:/dev/video0?zoom=2", "unknown option 'zoom'")]
    [InlineData("camera:/dev/video0?width", "option 'width' is not key=value")]
    [InlineData("camera:/dev/video0?fps=30", "fps applies to file= only")]
    [InlineData("camera:file=/tmp/a.avi?driver=v4l2", "driver=v4l2 reads devices only")]
    public void Parse_BadPart_ThrowsNamingIt(string spec, string expected)
    {
        var error = Assert.Throws<ArgumentException>(() => CameraScanOptions.Parse(spec));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Equal("spec", error.ParamName);
    }
}
