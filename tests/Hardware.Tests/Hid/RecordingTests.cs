using ScanPoint.Hardware.Hid;
using ScanPoint.TestKit;

namespace ScanPoint.Hardware.Tests.Hid;

/// <summary>The checked-in recording <c>Recordings/us-hc1.evdev</c> (see Recordings/README.md).</summary>
public sealed class RecordingTests
{
    public const string RecordedText = "HC1:6BFOXN%TS3DH0YOJ58S S-W5HDC *M0II5XHC9B5G2+$N IOP-IA%NFQ/0-.:";

    private static string RecordingPath => Path.Combine(TestData.RepositoryRoot, "tests", "Hardware.Tests", "Hid", "Recordings", "us-hc1.evdev");

    [Fact]
    public void Decode_UsHc1Recording_YieldsThePayload()
    {
        var scans = KeystrokeDecoderTests.Decode(File.ReadAllBytes(RecordingPath), new KeystrokeDecoder(KeyboardLayout.Us, HidTerminators.Enter, 4296));

        Assert.Equal([RecordedText], scans);
    }

    [Fact]
    public void Generate_UsHc1_MatchesTheRecording()
    {
        var generated = ScannerKeystrokes.Type(RecordedText, KeyboardLayout.Us);
        if (Environment.GetEnvironmentVariable("SCANPOINT_WRITE_RECORDINGS") == "1")
        {
            File.WriteAllBytes(RecordingPath, generated);
        }

        Assert.Equal(generated, File.ReadAllBytes(RecordingPath));
    }
}
