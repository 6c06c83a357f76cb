using System.Text.Json;
using System.Text.Json.Serialization;

namespace ScanPoint.Contracts.Intake;

/// <summary>JSON of the national intake: camelCase, optional fields left out when null.</summary>
[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(IntakeBatch))]
[JsonSerializable(typeof(IntakeResult))]
public sealed partial class IntakeJsonContext : JsonSerializerContext;
