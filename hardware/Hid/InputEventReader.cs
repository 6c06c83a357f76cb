namespace ScanPoint.Hardware.Hid;

/// <summary>
/// Cuts a byte stream (an evdev node or a recording) into <see cref="InputEvent"/>s. Reads may return any number
/// of bytes; a partial event at the end of the stream is counted in <see cref="TruncatedBytes"/> and dropped.
/// </summary>
public sealed class InputEventReader
{
    private readonly Stream _stream;
    private readonly byte[] _buffer = new byte[InputEvent.Size * 64];
    private int _start;
    private int _end;

    public InputEventReader(Stream stream) => _stream = stream;

    /// <summary>Bytes of an incomplete final event seen at the end of the stream.</summary>
    public int TruncatedBytes { get; private set; }

    /// <summary>Blocks until the next event; false at the end of the stream.</summary>
    public bool TryRead(out InputEvent inputEvent)
    {
        while (_end - _start < InputEvent.Size)
        {
            if (_start > 0)
            {
                _buffer.AsSpan(_start, _end - _start).CopyTo(_buffer);
                _end -= _start;
                _start = 0;
            }

            var read = _stream.Read(_buffer, _end, _buffer.Length - _end);
            if (read == 0)
            {
                TruncatedBytes = _end - _start;
                inputEvent = default;
                return false;
            }

            _end += read;
        }

        inputEvent = InputEvent.Read(_buffer.AsSpan(_start, InputEvent.Size));
        _start += InputEvent.Size;
        return true;
    }

    /// <summary>All events to the end of the stream.</summary>
    public IEnumerable<InputEvent> ReadAll()
    {
        while (TryRead(out var inputEvent))
        {
            yield return inputEvent;
        }
    }
}
