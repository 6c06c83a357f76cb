using System.Formats.Cbor;
using System.Globalization;
using System.Text.Json.Nodes;

namespace ScanPoint.Credentials.Cbor;

/// <summary>
/// Converts one CBOR item (already checked by <see cref="CborLimits"/>) to a JSON node: maps become objects
/// (keys as text), tags are unwrapped, byte strings become base64. Returns false on anything JSON cannot hold.
/// </summary>
internal static class CborJson
{
    public static bool TryRead(CborReader reader, int depth, out JsonNode? node)
    {
        node = null;
        if (depth > CborLimits.MaxDepth)
        {
            return false;
        }

        switch (reader.PeekState())
        {
            case CborReaderState.Tag:
                reader.ReadTag();
                return TryRead(reader, depth + 1, out node);
            case CborReaderState.StartMap:
                return TryReadObject(reader, depth, out node);
            case CborReaderState.StartArray:
                var array = new JsonArray();
                reader.ReadStartArray();
                while (reader.PeekState() != CborReaderState.EndArray)
                {
                    if (!TryRead(reader, depth + 1, out var item))
                    {
                        return false;
                    }

                    array.Add(item);
                }

                reader.ReadEndArray();
                node = array;
                return true;
            case CborReaderState.TextString:
                node = JsonValue.Create(reader.ReadTextString());
                return true;
            case CborReaderState.ByteString:
                node = JsonValue.Create(Convert.ToBase64String(reader.ReadByteString()));
                return true;
            case CborReaderState.UnsignedInteger:
                node = JsonValue.Create(reader.ReadUInt64());
                return true;
            case CborReaderState.NegativeInteger:
                node = JsonValue.Create(reader.ReadInt64());
                return true;
            case CborReaderState.HalfPrecisionFloat:
            case CborReaderState.SinglePrecisionFloat:
            case CborReaderState.DoublePrecisionFloat:
                var d = reader.ReadDouble();
                node = double.IsFinite(d) ? JsonValue.Create(d) : null;
                return double.IsFinite(d);
            case CborReaderState.Boolean:
                node = JsonValue.Create(reader.ReadBoolean());
                return true;
            case CborReaderState.Null:
                reader.ReadNull();
                return true;
            case CborReaderState.SimpleValue:
                reader.ReadSimpleValue();
                return true;
            default:
                return false;
        }
    }

    private static bool TryReadObject(CborReader reader, int depth, out JsonNode? node)
    {
        node = null;
        var obj = new JsonObject();
        reader.ReadStartMap();
        while (reader.PeekState() != CborReaderState.EndMap)
        {
            var key = reader.PeekState() switch
            {
                CborReaderState.TextString => reader.ReadTextString(),
                CborReaderState.UnsignedInteger or CborReaderState.NegativeInteger =>
                    reader.ReadInt64().ToString(CultureInfo.InvariantCulture),
                _ => null,
            };
            if (key is null || obj.ContainsKey(key) || !TryRead(reader, depth + 1, out var value))
            {
                return false;
            }

            obj[key] = value;
        }

        reader.ReadEndMap();
        node = obj;
        return true;
    }
}
