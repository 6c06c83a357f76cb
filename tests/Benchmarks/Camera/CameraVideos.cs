using ScanPoint.QrCorpus;

namespace ScanPoint.Benchmarks.Camera;

/// <summary>
/// The three recorded kiosk scenes, 300 frames of 1280x720 MJPG each (10 s at 30 fps): nobody at the kiosk, one
/// DCC-sized code held still, and a new code every 30 frames. Codes are 400-character HC1-like texts (HC1: and Base45
/// of 264 seeded random bytes), the size of a real EU DCC.
/// </summary>
internal static class CameraVideos
{
    public const int Frames = 300;
    public const int FramesPerCode = 30;

    public static IReadOnlyList<CameraVideo> Write(string folder)
    {
        var random = new Random(2026);
        var still = Hc1Like(random);
        var changing = Enumerable.Range(0, Frames / FramesPerCode).Select(_ => Hc1Like(random)).ToArray();
        CameraVideo[] videos =
        [
            new("empty", Path.Combine(folder, "empty.avi"), [.. Enumerable.Repeat<string?>(null, Frames)]),
            new("one code held still", Path.Combine(folder, "still.avi"), [.. Enumerable.Repeat<string?>(still, Frames)]),
            new("new code every 30 frames", Path.Combine(folder, "changing.avi"), [.. changing.SelectMany(c => Enumerable.Repeat<string?>(c, FramesPerCode))]),
        ];
        foreach (var video in videos)
        {
            QrVideo.Write(video.Path, video.Codes);
        }

        return videos;
    }

    private static string Hc1Like(Random random)
    {
        var bytes = new byte[264];
        random.NextBytes(bytes);
        return "HC1:" + QrPayloads.Base45(bytes);
    }
}
