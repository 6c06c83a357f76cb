using ScanPoint.Kiosk.Outbox;

namespace ScanPoint.Kiosk.Tests.Outbox;

/// <summary>
/// An in-memory disk that models a power cut. Every write lands in a volatile view at once and reaches the durable
/// image only when its stream is synced. After <see cref="CrashAfterOperations"/> mutating operations (writes,
/// truncations, flushes) the power goes: that operation and all later ones throw. <see cref="PowerCycle"/> then
/// keeps only what was flushed — plus, with the tear option, a sector-aligned prefix of the last unflushed write.
/// </summary>
internal sealed class CrashingDisk(int seed) : IOutboxStorage
{
    private readonly Dictionary<string, CrashingFile> _files = [];
    private readonly Random _random = new(seed);
    private readonly Lock _lock = new();
    private long _operations;

    /// <summary>Mutating operation at which the power goes; null for never.</summary>
    public long? CrashAfterOperations { get; set; }

    /// <summary>Whether a power cut may persist a torn prefix of the last unflushed write.</summary>
    public bool TearLastWrite { get; set; } = true;

    public bool Crashed { get; private set; }

    public long Operations => Interlocked.Read(ref _operations);

    public Stream OpenData() => Open("data", syncOnFlush: true);

    /// <summary>Like the real log: LiteDB's flushes do not make it durable, only the barrier's sync does.</summary>
    public Stream OpenLog() => Open("log", syncOnFlush: false);

    /// <summary>Power comes back: each file is its durable image (maybe with a torn write); counting starts again.</summary>
    public void PowerCycle()
    {
        lock (_lock)
        {
            foreach (var file in _files.Values)
            {
                file.Recover(TearLastWrite ? _random : null);
            }

            Crashed = false;
            CrashAfterOperations = null;
            _operations = 0;
        }
    }

    /// <summary>Called by a stream before each mutating operation; throws once the power is gone.</summary>
    public void BeforeMutation()
    {
        lock (_lock)
        {
            if (Crashed)
            {
                throw new IOException("simulated power cut: the disk is gone");
            }

            if (++_operations >= CrashAfterOperations)
            {
                Crashed = true;
                throw new IOException("simulated power cut");
            }
        }
    }

    public void ThrowIfCrashed()
    {
        lock (_lock)
        {
            if (Crashed)
            {
                throw new IOException("simulated power cut: the disk is gone");
            }
        }
    }

    private CrashingStream Open(string name, bool syncOnFlush)
    {
        ThrowIfCrashed();
        lock (_lock)
        {
            if (!_files.TryGetValue(name, out var file))
            {
                _files[name] = file = new CrashingFile();
            }

            return new CrashingStream(this, file, syncOnFlush);
        }
    }
}
