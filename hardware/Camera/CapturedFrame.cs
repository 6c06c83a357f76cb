using ScanPoint.Hardware.Decoding;

namespace ScanPoint.Hardware.Camera;

/// <summary>A frame taken from <see cref="LatestFrame"/>: its image, its capture number (from 1) and capture time.</summary>
internal sealed record CapturedFrame(GreyImage Image, long Sequence, DateTimeOffset CapturedAt);
