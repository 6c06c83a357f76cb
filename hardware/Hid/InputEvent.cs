using System.Buffers.Binary;

namespace ScanPoint.Hardware.Hid;

/// <summary>
/// One <c>struct input_event</c> as a 64-bit Linux kernel writes it: a 16-byte <c>timeval</c>
/// (seconds, microseconds), then <c>u16 type</c>, <c>u16 code</c>, <c>s32 value</c>, little-endian.
/// </summary>
public readonly record struct InputEvent(long Seconds, long Microseconds, ushort Type, ushort Code, int Value)
{
    /// <summary>The size of one event on a 64-bit kernel (x86-64, arm64).</summary>
    public const int Size = 24;

    public static InputEvent Read(ReadOnlySpan<byte> bytes) => new(
        BinaryPrimitives.ReadInt64LittleEndian(bytes),
        BinaryPrimitives.ReadInt64LittleEndian(bytes[8..]),
        BinaryPrimitives.ReadUInt16LittleEndian(bytes[16..]),
        BinaryPrimitives.ReadUInt16LittleEndian(bytes[18..]),
        BinaryPrimitives.ReadInt32LittleEndian(bytes[20..]));

    public void Write(Span<byte> bytes)
    {
        BinaryPrimitives.WriteInt64LittleEndian(bytes, Seconds);
        BinaryPrimitives.WriteInt64LittleEndian(bytes[8..], Microseconds);
        BinaryPrimitives.WriteUInt16LittleEndian(bytes[16..], Type);
        BinaryPrimitives.WriteUInt16LittleEndian(bytes[18..], Code);
        BinaryPrimitives.WriteInt32LittleEndian(bytes[20..], Value);
    }
}
