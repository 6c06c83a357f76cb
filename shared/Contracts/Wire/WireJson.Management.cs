using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using ScanPoint.Contracts.Management;

namespace ScanPoint.Contracts.Wire;

/// <summary>Encoding of the device-management messages, bounded and validated like the others.</summary>
public static partial class WireJson
{
    public static byte[] Encode(ConfigDesired value) => JsonSerializer.SerializeToUtf8Bytes(value, WireJsonContext.Default.ConfigDesired);

    public static byte[] Encode(ConfigReported value) => JsonSerializer.SerializeToUtf8Bytes(value, WireJsonContext.Default.ConfigReported);

    public static byte[] Encode(CommandIssued value) => JsonSerializer.SerializeToUtf8Bytes(value, WireJsonContext.Default.CommandIssued);

    public static byte[] Encode(CommandCompleted value) => JsonSerializer.SerializeToUtf8Bytes(value, WireJsonContext.Default.CommandCompleted);

    public static byte[] Encode(AlertChanged value) => JsonSerializer.SerializeToUtf8Bytes(value, WireJsonContext.Default.AlertChanged);

    public static byte[] Encode(LogsUploaded value) => JsonSerializer.SerializeToUtf8Bytes(value, WireJsonContext.Default.LogsUploaded);

    public static bool TryDecode(ReadOnlySpan<byte> payload, [NotNullWhen(true)] out ConfigDesired? value, out string error) =>
        TryDecodeValid(payload, WireJsonContext.Default.ConfigDesired, ManagementValidation.Validate, out value, out error);

    public static bool TryDecode(ReadOnlySpan<byte> payload, [NotNullWhen(true)] out ConfigReported? value, out string error) =>
        TryDecodeValid(payload, WireJsonContext.Default.ConfigReported, ManagementValidation.Validate, out value, out error);

    public static bool TryDecode(ReadOnlySpan<byte> payload, [NotNullWhen(true)] out CommandIssued? value, out string error) =>
        TryDecodeValid(payload, WireJsonContext.Default.CommandIssued, ManagementValidation.Validate, out value, out error);

    public static bool TryDecode(ReadOnlySpan<byte> payload, [NotNullWhen(true)] out CommandCompleted? value, out string error) =>
        TryDecodeValid(payload, WireJsonContext.Default.CommandCompleted, ManagementValidation.Validate, out value, out error);

    public static bool TryDecode(ReadOnlySpan<byte> payload, [NotNullWhen(true)] out AlertChanged? value, out string error) =>
        TryDecodeValid(payload, WireJsonContext.Default.AlertChanged, ManagementValidation.Validate, out value, out error);

    public static bool TryDecode(ReadOnlySpan<byte> payload, [NotNullWhen(true)] out LogsUploaded? value, out string error) =>
        TryDecodeValid(payload, WireJsonContext.Default.LogsUploaded, ManagementValidation.Validate, out value, out error);

    private static bool TryDecodeValid<T>(
        ReadOnlySpan<byte> payload,
        System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> info,
        Func<T, string> validate,
        [NotNullWhen(true)] out T? value,
        out string error)
        where T : class
    {
        value = null;
        if (!TryDeserialize(payload, info, out var parsed, out error))
        {
            return false;
        }

        error = validate(parsed);
        value = error.Length == 0 ? parsed : null;
        return value is not null;
    }
}
