using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using ScanPoint.Contracts.CheckIns;
using ScanPoint.Contracts.Devices;
using ScanPoint.Contracts.Trust;

namespace ScanPoint.Contracts.Wire;

/// <summary>JSON encoding of the MQTT payloads, bounded: oversized or malformed input is a result, not an exception.</summary>
public static partial class WireJson
{
    /// <summary>Largest payload accepted for any message (a full batch of check-ins is ~250 KB).</summary>
    public const int MaxPayloadBytes = 512 * 1024;

    public static byte[] Encode(CheckInsRecorded batch) =>
        JsonSerializer.SerializeToUtf8Bytes(batch, WireJsonContext.Default.CheckInsRecorded);

    public static byte[] Encode(CheckInsAcknowledged ack) =>
        JsonSerializer.SerializeToUtf8Bytes(ack, WireJsonContext.Default.CheckInsAcknowledged);

    public static byte[] Encode(HeartbeatReported heartbeat) =>
        JsonSerializer.SerializeToUtf8Bytes(heartbeat, WireJsonContext.Default.HeartbeatReported);

    public static bool TryDecode(ReadOnlySpan<byte> payload, [NotNullWhen(true)] out HeartbeatReported? heartbeat, out string error)
    {
        heartbeat = null;
        if (!TryDeserialize(payload, WireJsonContext.Default.HeartbeatReported, out var parsed, out error))
        {
            return false;
        }

        if (parsed.V != HeartbeatReported.SchemaVersion || parsed.Boot < 1 || parsed.UptimeSeconds < 0 || parsed.OutboxPending < 0
            || parsed.ScansSinceLast < 0 || parsed.DecodeFailuresSinceLast < 0 || parsed.DiskFreeBytes < 0 || parsed.DiskTotalBytes < 0)
        {
            error = "hb: bad version or negative values";
            return false;
        }

        heartbeat = parsed;
        return true;
    }

    public static byte[] Encode(TrustAnnounced announcement) =>
        JsonSerializer.SerializeToUtf8Bytes(announcement, WireJsonContext.Default.TrustAnnounced);

    public static bool TryDecode(ReadOnlySpan<byte> payload, [NotNullWhen(true)] out TrustAnnounced? announcement, out string error)
    {
        announcement = null;
        if (!TryDeserialize(payload, WireJsonContext.Default.TrustAnnounced, out var parsed, out error))
        {
            return false;
        }

        if (!parsed.IsWellFormed())
        {
            error = "trust: bad version, hash, size or URL";
            return false;
        }

        announcement = parsed;
        return true;
    }

    public static byte[] Encode(PresenceChanged presence) =>
        JsonSerializer.SerializeToUtf8Bytes(presence, WireJsonContext.Default.PresenceChanged);

    public static bool TryDecode(ReadOnlySpan<byte> payload, [NotNullWhen(true)] out PresenceChanged? presence, out string error)
    {
        presence = null;
        if (!TryDeserialize(payload, WireJsonContext.Default.PresenceChanged, out var parsed, out error))
        {
            return false;
        }

        if (parsed.V != PresenceChanged.SchemaVersion || !PresenceChanged.IsState(parsed.State) || parsed.Boot < 1)
        {
            error = "state: bad version, state or boot";
            return false;
        }

        presence = parsed;
        return true;
    }

    public static bool TryDecode(ReadOnlySpan<byte> payload, [NotNullWhen(true)] out CheckInsRecorded? batch, out string error)
    {
        batch = null;
        if (!TryDeserialize(payload, WireJsonContext.Default.CheckInsRecorded, out var parsed, out error))
        {
            return false;
        }

        error = CheckInsValidation.Validate(parsed);
        batch = error.Length == 0 ? parsed : null;
        return batch is not null;
    }

    public static bool TryDecode(ReadOnlySpan<byte> payload, [NotNullWhen(true)] out CheckInsAcknowledged? ack, out string error)
    {
        ack = null;
        if (!TryDeserialize(payload, WireJsonContext.Default.CheckInsAcknowledged, out var parsed, out error))
        {
            return false;
        }

        if (parsed.V != CheckInsAcknowledged.SchemaVersion || parsed.Items is null || parsed.Items.Any(i => i is null || i.Id is null))
        {
            error = "ack: bad version or items";
            return false;
        }

        ack = parsed;
        return true;
    }

    private static bool TryDeserialize<T>(
        ReadOnlySpan<byte> payload,
        System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> info,
        [NotNullWhen(true)] out T? value,
        out string error)
        where T : class
    {
        value = null;
        if (payload.Length > MaxPayloadBytes)
        {
            error = $"payload of {payload.Length} bytes exceeds {MaxPayloadBytes}";
            return false;
        }

        try
        {
            value = JsonSerializer.Deserialize(payload, info);
            error = value is null ? "payload is null" : "";
            return value is not null;
        }
        catch (JsonException ex)
        {
            error = "malformed JSON: " + ex.Message;
            return false;
        }
    }
}
