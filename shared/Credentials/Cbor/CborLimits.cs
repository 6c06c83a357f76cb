using System.Formats.Cbor;

namespace ScanPoint.Credentials.Cbor;

/// <summary>
/// Walks one CBOR data item without building it, so that later readers only see inputs within bounds:
/// nesting depth, total item count, and no trailing bytes.
/// </summary>
internal static class CborLimits
{
    public const int MaxDepth = 16;

    public const int MaxItems = 4096;

    /// <summary>True when <paramref name="data"/> is exactly one well-formed item within the bounds.</summary>
    public static bool IsWithinBounds(ReadOnlyMemory<byte> data)
    {
        try
        {
            var reader = new CborReader(data, CborConformanceMode.Lax, allowMultipleRootLevelValues: false);
            var items = 0;
            return Walk(reader, 0, ref items) && reader.BytesRemaining == 0;
        }
        catch (Exception e) when (e is CborContentException or InvalidOperationException or FormatException or OverflowException)
        {
            return false;
        }
    }

    private static bool Walk(CborReader reader, int depth, ref int items)
    {
        if (depth > MaxDepth || ++items > MaxItems)
        {
            return false;
        }

        switch (reader.PeekState())
        {
            case CborReaderState.Tag:
                reader.ReadTag();
                return Walk(reader, depth + 1, ref items);
            case CborReaderState.StartArray:
                reader.ReadStartArray();
                while (reader.PeekState() != CborReaderState.EndArray)
                {
                    if (!Walk(reader, depth + 1, ref items))
                    {
                        return false;
                    }
                }

                reader.ReadEndArray();
                return true;
            case CborReaderState.StartMap:
                reader.ReadStartMap();
                while (reader.PeekState() != CborReaderState.EndMap)
                {
                    if (!Walk(reader, depth + 1, ref items) || !Walk(reader, depth + 1, ref items))
                    {
                        return false;
                    }
                }

                reader.ReadEndMap();
                return true;
            case CborReaderState.StartIndefiniteLengthByteString:
            case CborReaderState.StartIndefiniteLengthTextString:
            case CborReaderState.Finished:
                return false;
            default:
                reader.SkipValue();
                return true;
        }
    }
}
