using System.Text.Json;
using ScanPoint.Contracts.Management;

namespace ScanPoint.Kiosk.Management;

/// <summary>One command this kiosk started: its result once known, and whether the fleet has it.</summary>
internal sealed record CommandEntry(string Id, string Name, string? Status, string Detail, DateTimeOffset At, bool Published)
{
    public CommandCompleted Completed() => new(CommandCompleted.SchemaVersion, Id, Name, Status ?? CommandCompleted.Unknown, Detail, At);
}

/// <summary>
/// The commands this kiosk ran, newest last, at most <see cref="Capacity"/>: <c>commands.json</c> in the data directory,
/// rewritten atomically on each change. A command is recorded before it runs (status null), so one interrupted by a
/// crash is answered <c>unknown</c> instead of running twice; a re-sent command gets its stored result again.
/// </summary>
internal sealed class CommandJournal
{
    public const string FileName = "commands.json";
    public const int Capacity = 200;

    private readonly Lock _lock = new();
    private readonly string _path;
    private readonly List<CommandEntry> _entries;

    public CommandJournal(string dataDir)
    {
        _path = Path.Combine(dataDir, FileName);
        try
        {
            _entries = File.Exists(_path) ? JsonSerializer.Deserialize<List<CommandEntry>>(File.ReadAllBytes(_path)) ?? [] : [];
        }
        catch (JsonException)
        {
            _entries = []; // atomically written, so only a foreign file gets here
        }
    }

    public CommandEntry? Find(string id)
    {
        lock (_lock)
        {
            return _entries.LastOrDefault(e => e.Id == id);
        }
    }

    public IReadOnlyList<CommandEntry> Unpublished()
    {
        lock (_lock)
        {
            return [.. _entries.Where(e => e.Status is not null && !e.Published)];
        }
    }

    /// <summary>Adds or replaces the entry with the same id, dropping the oldest beyond <see cref="Capacity"/>.</summary>
    public void Put(CommandEntry entry)
    {
        lock (_lock)
        {
            _entries.RemoveAll(e => e.Id == entry.Id);
            _entries.Add(entry);
            if (_entries.Count > Capacity)
            {
                _entries.RemoveRange(0, _entries.Count - Capacity);
            }

            AtomicFile.Write(_path, JsonSerializer.SerializeToUtf8Bytes(_entries));
        }
    }
}
