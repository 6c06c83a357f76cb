using System.Text.Json.Serialization;

namespace ScanPoint.Kiosk.Screen;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(ScreenState))]
internal sealed partial class ScreenJson : JsonSerializerContext;
