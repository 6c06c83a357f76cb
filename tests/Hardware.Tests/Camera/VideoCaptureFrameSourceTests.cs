using ScanPoint.Hardware.Camera;
using ScanPoint.Hardware.Decoding;
using ScanPoint.QrCorpus;

namespace ScanPoint.Hardware.Tests.Camera;

public sealed class VideoCaptureFrameSourceTests(RecordedVideoFixture video) : IClassFixture<RecordedVideoFixture>
{
    [Fact]
    public void OpenFile_RecordedVideo_ReadsEveryFrameInGreyThenEnds()
    {
        using var source = VideoCaptureFrameSource.OpenFile(video.Path);
        var frame = new GreyImage(source.Width, source.Height);
        var frames = 0;
        while (source.ReadInto(frame))
        {
            frames++;
        }

        Assert.Equal((QrVideo.Width, QrVideo.Height), (source.Width, source.Height));
        Assert.Equal("MJPG", source.FourCc);
        Assert.Equal(RecordedVideoFixture.FrameCount, frames);
        Assert.InRange(frame.Pixels.Average(p => (double)p), 80, 180);
    }

    [Fact]
    public void OpenFile_FrameWithCode_DecodesWithZxing()
    {
        using var source = VideoCaptureFrameSource.OpenFile(video.Path);
        var frame = new GreyImage(source.Width, source.Height);
        for (var i = 0; i < 35; i++)
        {
            Assert.True(source.ReadInto(frame));
        }

        var code = Assert.Single(new ZxingQrDecoder(ZxingOptions.Frames).Decode(frame));
        Assert.Equal(RecordedVideoFixture.CodeA, code.Text);
    }

    [Fact]
    public void OpenFile_Missing_ThrowsFileNotFound()
    {
        Assert.Throws<FileNotFoundException>(() => VideoCaptureFrameSource.OpenFile("/tmp/scanpoint-missing-video.avi"));
    }

    [Fact]
    public void OpenFile_NotAVideo_ThrowsInvalidData()
    {
        var path = System.IO.Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, "not a video");
            Assert.Throws<InvalidDataException>(() => VideoCaptureFrameSource.OpenFile(path));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void OpenDevice_Missing_ThrowsFileNotFound()
    {
        var error = Assert.Throws<FileNotFoundException>(() => VideoCaptureFrameSource.OpenDevice("/dev/video-scanpoint-missing", 1280, 720));

        Assert.Contains("does not exist", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OpenDevice_DevNull_ThrowsIOException()
    {
        Assert.Throws<IOException>(() => VideoCaptureFrameSource.OpenDevice("/dev/null", 1280, 720));
    }
}
