using System.Text.Json.Serialization;

namespace ScanPoint.Credentials.Trust;

[JsonSourceGenerationOptions(MaxDepth = 8, RespectNullableAnnotations = true, RespectRequiredConstructorParameters = true)]
[JsonSerializable(typeof(TrustBundleContent))]
internal sealed partial class TrustBundleJson : JsonSerializerContext;
