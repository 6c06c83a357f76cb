using ScanPoint.Hardware.Camera;
using ScanPoint.TestKit;

namespace ScanPoint.Hardware.Tests.Camera;

public sealed class V4l2FrameSourceTests
{
    [Fact]
    public void Open_MissingDevice_ThrowsFileNotFound()
    {
        var error = Assert.Throws<FileNotFoundException>(() => V4l2FrameSource.Open("/dev/video-scanpoint-missing", 1280, 720));

        Assert.Contains("/dev/video-scanpoint-missing does not exist", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_DevNull_ThrowsNotAV4l2Device()
    {
        var error = Assert.Throws<IOException>(() => V4l2FrameSource.Open("/dev/null", 1280, 720));

        Assert.Contains("is not a V4L2 device", error.Message, StringComparison.Ordinal);
        Assert.Contains("VIDIOC_QUERYCAP", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_RegularFile_ThrowsNotAV4l2Device()
    {
        using var temp = new TempDirectory();
        var path = temp.File("not-a-camera");
        File.WriteAllBytes(path, new byte[64]);

        var error = Assert.Throws<IOException>(() => V4l2FrameSource.Open(path, 1280, 720));

        Assert.Contains("is not a V4L2 device", error.Message, StringComparison.Ordinal);
    }
}
