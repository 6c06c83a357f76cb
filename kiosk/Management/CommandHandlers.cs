using ScanPoint.Contracts.Management;
using ScanPoint.Contracts.Wire;
using ScanPoint.Kiosk.Verification;

namespace ScanPoint.Kiosk.Management;

/// <summary>
/// What each fleet command does on this kiosk, as (status, detail). <c>reboot</c> only answers here: the reboot itself
/// runs after the answer reached the fleet (<see cref="CommandRunner"/>).
/// </summary>
internal sealed class CommandHandlers(TrustUpdater trustUpdater, KioskTrust trust, RecentLogs logs, ISelfTest selfTest, FleetLink link, ManagementTopics topics, TimeProvider time)
{
    public async Task<(string Status, string Detail)> RunAsync(CommandIssued command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        switch (command.Name)
        {
            case CommandIssued.RefreshTrust:
                var result = await trustUpdater.RefreshAsync(cancellationToken).ConfigureAwait(false);
                var version = $"trust v{trust.Bundle?.Version ?? 0}";
                return result.IsUpdated || result.Code == TrustUpdateResult.NotNewer
                    ? (CommandCompleted.Succeeded, version)
                    : (CommandCompleted.Failed, Bounded($"{version}; {result.Code}: {result.Reason}"));
            case CommandIssued.UploadLogs:
                var lines = logs.Snapshot();
                var uploaded = new LogsUploaded(LogsUploaded.SchemaVersion, command.Id, lines, time.GetUtcNow());
                return await link.PublishAsync(topics.Logs, WireJson.Encode(uploaded), cancellationToken).ConfigureAwait(false)
                    ? (CommandCompleted.Succeeded, $"{lines.Count} lines uploaded")
                    : (CommandCompleted.Failed, "the logs could not be published (not connected)");
            case CommandIssued.SelfTest:
                var (passed, json) = await selfTest.RunAsync(cancellationToken).ConfigureAwait(false);
                return (passed ? CommandCompleted.Succeeded : CommandCompleted.Failed, Bounded(json));
            case CommandIssued.Reboot:
                return (CommandCompleted.Succeeded, "rebooting");
            default:
                return (CommandCompleted.Failed, $"unknown command '{command.Name}'");
        }
    }

    private static string Bounded(string detail) =>
        detail.Length <= ManagementValidation.MaxDetailLength ? detail : detail[..ManagementValidation.MaxDetailLength];
}
