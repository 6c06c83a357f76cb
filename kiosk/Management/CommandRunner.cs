using System.Diagnostics;
using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ScanPoint.Contracts.Management;
using ScanPoint.Contracts.Wire;
using ScanPoint.Kiosk.Health;
using ScanPoint.Kiosk.Reporting;

namespace ScanPoint.Kiosk.Management;

/// <summary>
/// Runs the fleet's commands one at a time, each id at most once (<see cref="CommandJournal"/>): a command past its
/// expiry by the fleet's clock (this clock plus the <see cref="ServerClock"/> offset when known) is answered
/// <c>expired</c> without running; a re-sent one gets its stored answer again. Answers go out on <c>…/cmd/result</c>
/// from the reporter's loop (<see cref="PublishPendingAsync"/>), again after a reconnect until the broker took them.
/// A <c>reboot</c> runs <see cref="KioskOptions.RebootCommand"/> only once its answer is out.
/// </summary>
internal sealed class CommandRunner(
    CommandJournal journal,
    CommandHandlers handlers,
    ManagementTopics topics,
    FleetLink link,
    ServerClock serverClock,
    OutboxSignal signal,
    IOptions<KioskOptions> options,
    TimeProvider time,
    ILogger<CommandRunner> logger) : BackgroundService
{
    private readonly Channel<CommandIssued> _queue = Channel.CreateBounded<CommandIssued>(new BoundedChannelOptions(64) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly HashSet<string> _queued = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();
    private string? _rebootAfter;

    /// <summary>A command from the fleet: queued to run, or answered from the journal.</summary>
    public void Receive(CommandIssued command)
    {
        ArgumentNullException.ThrowIfNull(command);
        lock (_lock)
        {
            var now = time.GetUtcNow();
            if (journal.Find(command.Id) is { } known)
            {
                var answer = known.Status is null && !_queued.Contains(command.Id)
                    ? known with { Status = CommandCompleted.Unknown, Detail = "interrupted by a restart", At = now, Published = false }
                    : known with { Published = false };
                if (answer.Status is not null)
                {
                    journal.Put(answer);
                    signal.Notify();
                }

                return;
            }

            if (_queued.Contains(command.Id))
            {
                return;
            }

            var fleetNow = now + TimeSpan.FromSeconds(serverClock.OffsetSeconds ?? 0);
            if (fleetNow > command.ExpiresAt)
            {
                journal.Put(new CommandEntry(command.Id, command.Name, CommandCompleted.Expired, $"expired at {command.ExpiresAt:O}, fleet time {fleetNow:O}", now, false));
                Log.CommandCompleted(logger, command.Id, command.Name, CommandCompleted.Expired);
                signal.Notify();
                return;
            }

            if (_queue.Writer.TryWrite(command))
            {
                _queued.Add(command.Id);
            }
        }
    }

    /// <summary>Publishes every answer the fleet does not have yet, oldest first; stops at the first that fails.</summary>
    public async Task PublishPendingAsync(CancellationToken cancellationToken)
    {
        foreach (var entry in journal.Unpublished())
        {
            if (!await link.PublishAsync(topics.Results, WireJson.Encode(entry.Completed()), cancellationToken).ConfigureAwait(false))
            {
                return;
            }

            journal.Put(entry with { Published = true });
            if (entry.Id == _rebootAfter)
            {
                _rebootAfter = null;
                Reboot();
            }
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var command in _queue.Reader.ReadAllAsync(stoppingToken).ConfigureAwait(false))
        {
            var entry = new CommandEntry(command.Id, command.Name, null, "", time.GetUtcNow(), false);
            journal.Put(entry);
            (string Status, string Detail) result;
            try
            {
                result = await handlers.RunAsync(command, stoppingToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                result = (CommandCompleted.Failed, $"{ex.GetType().Name}: {ex.Message}");
            }

            lock (_lock)
            {
                journal.Put(entry with { Status = result.Status, Detail = result.Detail, At = time.GetUtcNow() });
                _queued.Remove(command.Id);
                if (command.Name == CommandIssued.Reboot && result.Status == CommandCompleted.Succeeded)
                {
                    _rebootAfter = command.Id;
                }
            }

            Log.CommandCompleted(logger, command.Id, command.Name, result.Status);
            signal.Notify();
        }
    }

    private void Reboot()
    {
        try
        {
            Log.Rebooting(logger, options.Value.RebootCommand);
            using var process = Process.Start(new ProcessStartInfo("/bin/sh") { ArgumentList = { "-c", options.Value.RebootCommand }, UseShellExecute = false });
        }
        catch (Exception ex) when (ex is System.ComponentModel.Win32Exception or IOException)
        {
            Log.ManagementFailed(logger, "reboot: " + ex.Message);
        }
    }
}
