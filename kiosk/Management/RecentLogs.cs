using System.Globalization;
using Microsoft.Extensions.Logging;

namespace ScanPoint.Kiosk.Management;

/// <summary>
/// A logger provider that keeps the last <see cref="Capacity"/> formatted lines in memory, for <c>upload-logs</c>. The
/// kiosk logs nothing personal (see <see cref="Log"/>), so the lines may leave the device as they are.
/// </summary>
internal sealed class RecentLogs(TimeProvider time) : ILoggerProvider
{
    public const int Capacity = Contracts.Management.LogsUploaded.MaxLines;

    private readonly TimeProvider _time = time;
    private readonly Queue<string> _lines = new();
    private readonly Lock _lock = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public IReadOnlyList<string> Snapshot()
    {
        lock (_lock)
        {
            return [.. _lines];
        }
    }

    public void Dispose()
    {
    }

    private void Add(string line)
    {
        if (line.Length > Contracts.Wire.ManagementValidation.MaxLineLength)
        {
            line = line[..Contracts.Wire.ManagementValidation.MaxLineLength];
        }

        lock (_lock)
        {
            if (_lines.Count == Capacity)
            {
                _lines.Dequeue();
            }

            _lines.Enqueue(line);
        }
    }

    private sealed class Logger(RecentLogs owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel))
            {
                return;
            }

            var error = exception is null ? "" : $" ({exception.GetType().Name}: {exception.Message})";
            owner.Add(string.Create(CultureInfo.InvariantCulture, $"{owner._time.GetUtcNow():O} {logLevel} {category}[{eventId.Id}] {formatter(state, exception)}{error}"));
        }
    }
}
