using ScanPoint.QrCorpus;
using ScanPoint.TestKit;

namespace ScanPoint.Hardware.Tests.Camera;

/// <summary>
/// One recorded kiosk video per test class: 20 empty frames, 30 with code A, 30 with code B, 20 empty (1280x720 MJPG).
/// </summary>
public sealed class RecordedVideoFixture : IDisposable
{
    public const string CodeA = "HC1:SCANPOINT-CAMERA-TEST-A-0001";
    public const string CodeB = "HC1:SCANPOINT-CAMERA-TEST-B-0002";
    public const int FrameCount = 100;

    private readonly TempDirectory _folder = new("camera-video");

    public RecordedVideoFixture()
    {
        Path = _folder.File("kiosk.avi");
        var frames = Enumerable.Repeat<string?>(null, 20)
            .Concat(Enumerable.Repeat<string?>(CodeA, 30))
            .Concat(Enumerable.Repeat<string?>(CodeB, 30))
            .Concat(Enumerable.Repeat<string?>(null, 20))
            .ToList();
        QrVideo.Write(Path, frames);
    }

    public string Path { get; }

    public void Dispose() => _folder.Dispose();
}
