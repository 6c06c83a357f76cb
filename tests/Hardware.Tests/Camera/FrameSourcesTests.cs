using ScanPoint.Hardware.Camera;

namespace ScanPoint.Hardware.Tests.Camera;

public sealed class FrameSourcesTests(RecordedVideoFixture video) : IClassFixture<RecordedVideoFixture>
{
    [Fact]
    public void ResolveDriver_Auto_IsOpenCvWhereItsRuntimeLoads()
    {
        Assert.True(FrameSources.IsOpenCvAvailable, "OpenCvSharp's linux-x64 runtime should load on the build machine");
        Assert.Equal(CameraDriver.OpenCv, FrameSources.ResolveDriver(CameraScanOptions.Parse("camera:/dev/video0")));
    }

    [Theory]
    [InlineData("camera:/dev/video0?driver=v4l2", CameraDriver.V4l2)]
    [InlineData("camera:/dev/video0?driver=opencv", CameraDriver.OpenCv)]
    public void ResolveDriver_Override_Wins(string spec, CameraDriver expected)
    {
        Assert.Equal(expected, FrameSources.ResolveDriver(CameraScanOptions.Parse(spec)));
    }

    [Fact]
    public void Open_File_ReadsItThroughVideoCapture()
    {
        using var source = FrameSources.Open(CameraScanOptions.Parse($"camera:file={video.Path}"));

        Assert.IsType<VideoCaptureFrameSource>(source);
        Assert.Equal((1280, 720), (source.Width, source.Height));
    }

    [Theory]
    [InlineData("camera:/dev/video-scanpoint-missing?driver=v4l2")]
    [InlineData("camera:/dev/video-scanpoint-missing?driver=opencv")]
    [InlineData("camera:/dev/video-scanpoint-missing")]
    public void Open_MissingDevice_ThrowsFileNotFound(string spec)
    {
        Assert.Throws<FileNotFoundException>(() => FrameSources.Open(CameraScanOptions.Parse(spec)));
    }
}
