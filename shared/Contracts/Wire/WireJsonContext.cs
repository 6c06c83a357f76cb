using System.Text.Json.Serialization;
using ScanPoint.Contracts.CheckIns;
using ScanPoint.Contracts.Devices;
using ScanPoint.Contracts.Management;
using ScanPoint.Contracts.Trust;

namespace ScanPoint.Contracts.Wire;

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    MaxDepth = 8,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true)]
[JsonSerializable(typeof(CheckInsRecorded))]
[JsonSerializable(typeof(CheckInsAcknowledged))]
[JsonSerializable(typeof(PresenceChanged))]
[JsonSerializable(typeof(HeartbeatReported))]
[JsonSerializable(typeof(TrustAnnounced))]
[JsonSerializable(typeof(ConfigDesired))]
[JsonSerializable(typeof(ConfigReported))]
[JsonSerializable(typeof(CommandIssued))]
[JsonSerializable(typeof(CommandCompleted))]
[JsonSerializable(typeof(AlertChanged))]
[JsonSerializable(typeof(LogsUploaded))]
internal sealed partial class WireJsonContext : JsonSerializerContext;
