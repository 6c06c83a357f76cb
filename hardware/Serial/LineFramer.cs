using System.Text;

namespace ScanPoint.Hardware.Serial;

/// <summary>
/// Cuts serial bytes into scans at a terminator (any byte string), in whatever chunks they arrive. A scan longer
/// than the maximum (in bytes) is dropped up to its terminator and counted; empty scans are skipped.
/// Scans are decoded as UTF-8 (imagers send ASCII).
/// </summary>
internal sealed class LineFramer
{
    private readonly byte[] _terminator;
    private readonly int _maxLength;
    private readonly List<byte> _buffer = [];
    private bool _overLong;

    public LineFramer(byte[] terminator, int maxLength)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, 1);
        _terminator = terminator;
        _maxLength = maxLength;
    }

    public long DroppedOverLong { get; private set; }

    public bool HasPending => _buffer.Count > 0 || _overLong;

    /// <summary>Takes a chunk; adds the scans it finishes to <paramref name="scans"/>.</summary>
    public void Feed(ReadOnlySpan<byte> chunk, List<string> scans)
    {
        foreach (var b in chunk)
        {
            _buffer.Add(b);
            if (_terminator.Length > 0 && EndsWithTerminator())
            {
                _buffer.RemoveRange(_buffer.Count - _terminator.Length, _terminator.Length);
                if (Flush() is { } scan)
                {
                    scans.Add(scan);
                }
            }
            else if (_buffer.Count > _maxLength + Math.Max(0, _terminator.Length - 1))
            {
                // keep only what may be the start of a terminator
                _overLong = true;
                _buffer.RemoveRange(0, _buffer.Count - Math.Max(0, _terminator.Length - 1));
            }
        }
    }

    /// <summary>Ends the scan in progress (terminator or inter-character timeout): its text, or null if empty or dropped.</summary>
    public string? Flush()
    {
        string? scan = null;
        if (_overLong)
        {
            DroppedOverLong++;
        }
        else if (_buffer.Count > 0)
        {
            scan = Encoding.UTF8.GetString([.. _buffer]);
        }

        _buffer.Clear();
        _overLong = false;
        return scan;
    }

    private bool EndsWithTerminator()
    {
        if (_buffer.Count < _terminator.Length)
        {
            return false;
        }

        var start = _buffer.Count - _terminator.Length;
        for (var i = 0; i < _terminator.Length; i++)
        {
            if (_buffer[start + i] != _terminator[i])
            {
                return false;
            }
        }

        return true;
    }
}
