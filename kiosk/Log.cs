using Microsoft.Extensions.Logging;

namespace ScanPoint.Kiosk;

/// <summary>Every log message of the kiosk. Event ids: 1xxx outbox, 2xxx scanning, 3xxx reporting, 4xxx host, 5xxx trust,
/// 6xxx heartbeat, 7xxx provisioning, 80xx clock, 81xx door signals, 82xx systemd, 9xxx screen, 10xxx device management.
/// Never log a scanned payload or personal data: format, hash and result codes only.</summary>
internal static partial class Log
{
    [LoggerMessage(1001, LogLevel.Error, "Outbox commit of {Count} check-ins failed; the outbox will be reopened")]
    public static partial void OutboxCommitFailed(ILogger logger, int count, Exception exception);

    [LoggerMessage(1002, LogLevel.Warning, "Outbox closing after a failure: {Reason}")]
    public static partial void OutboxReopening(ILogger logger, string reason);

    [LoggerMessage(1003, LogLevel.Warning, "Outbox did not close cleanly: {Reason}")]
    public static partial void OutboxCloseFailed(ILogger logger, string reason);

    [LoggerMessage(2001, LogLevel.Information, "Scan recorded: seq {Seq}, format {Format}, verdict {Verdict}, hash {PayloadHash}")]
    public static partial void ScanRecorded(ILogger logger, long seq, string format, string verdict, string payloadHash);

    [LoggerMessage(2002, LogLevel.Error, "Scan source {Source} failed; retrying in {Delay}")]
    public static partial void ScanSourceFailed(ILogger logger, string source, TimeSpan delay, Exception exception);

    [LoggerMessage(2003, LogLevel.Error, "Scan could not be recorded (format {Format}, hash {PayloadHash})")]
    public static partial void ScanNotRecorded(ILogger logger, string format, string payloadHash, Exception exception);

    [LoggerMessage(2004, LogLevel.Warning, "Scan of {Length} characters refused: longer than {Max}")]
    public static partial void ScanTooLong(ILogger logger, int length, int max);

    [LoggerMessage(2005, LogLevel.Information, "Scan source {Source} ended")]
    public static partial void ScanSourceEnded(ILogger logger, string source);

    [LoggerMessage(3001, LogLevel.Information, "Connected to the fleet broker {Broker} as {DeviceId}")]
    public static partial void Connected(ILogger logger, string broker, string deviceId);

    [LoggerMessage(3002, LogLevel.Warning, "Cannot reach the fleet broker {Broker}: {Reason}; next try in {Delay}")]
    public static partial void ConnectFailed(ILogger logger, string broker, string reason, TimeSpan delay);

    [LoggerMessage(3003, LogLevel.Warning, "Disconnected from the fleet broker: {Reason}")]
    public static partial void Disconnected(ILogger logger, string reason);

    [LoggerMessage(3004, LogLevel.Debug, "Published {Count} check-ins (seq {FirstSeq}..{LastSeq})")]
    public static partial void BatchPublished(ILogger logger, int count, long firstSeq, long lastSeq);

    [LoggerMessage(3005, LogLevel.Debug, "Fleet acknowledged {Count} check-ins; {Deleted} deleted from the outbox")]
    public static partial void Acknowledged(ILogger logger, int count, int deleted);

    [LoggerMessage(3006, LogLevel.Warning, "Ignored a message on {Topic}: {Reason}")]
    public static partial void BadMessage(ILogger logger, string topic, string reason);

    [LoggerMessage(3007, LogLevel.Warning, "Reporting to the fleet failed: {Reason}")]
    public static partial void ReportingFailed(ILogger logger, string reason);

    [LoggerMessage(5001, LogLevel.Warning, "No trust anchor pinned at {Path}: signed codes are recorded as unverified")]
    public static partial void TrustNotPinned(ILogger logger, string path);

    [LoggerMessage(5002, LogLevel.Error, "Trust bundle refused ({Code}): {Reason}; signed codes are unverifiable until a valid bundle arrives")]
    public static partial void TrustRefused(ILogger logger, string code, string reason);

    [LoggerMessage(5003, LogLevel.Information, "Trust bundle v{Version} issued {IssuedAt} loaded: {DscCount} document signers")]
    public static partial void TrustLoaded(ILogger logger, long version, DateTimeOffset issuedAt, int dscCount);

    [LoggerMessage(5004, LogLevel.Information, "Trust bundle updated from v{OldVersion} to v{NewVersion} issued {IssuedAt}")]
    public static partial void TrustUpdated(ILogger logger, long oldVersion, long newVersion, DateTimeOffset issuedAt);

    [LoggerMessage(5005, LogLevel.Warning, "Trust bundle v{Version} not taken ({Code}): {Reason}; trying again at the next announcement or in {RetryIn}")]
    public static partial void TrustUpdateFailed(ILogger logger, long version, string code, string reason, TimeSpan retryIn);

    [LoggerMessage(4001, LogLevel.Warning, "Status socket failed: {Reason}")]
    public static partial void StatusSocketFailed(ILogger logger, string reason);

    [LoggerMessage(6001, LogLevel.Debug, "Heartbeat published: boot {Boot}, {Pending} check-ins pending")]
    public static partial void HeartbeatPublished(ILogger logger, long boot, long pending);

    [LoggerMessage(6002, LogLevel.Warning, "Heartbeat not published: {Reason}")]
    public static partial void HeartbeatFailed(ILogger logger, string reason);

    [LoggerMessage(7001, LogLevel.Information, "Device certificate renewed; valid until {NotAfter:O}")]
    public static partial void CertificateRenewed(ILogger logger, DateTime notAfter);

    [LoggerMessage(7002, LogLevel.Warning, "Device certificate renewal failed ({Reason}); trying again at the next check")]
    public static partial void CertificateRenewalFailed(ILogger logger, string reason);

    [LoggerMessage(7003, LogLevel.Error, "Device certificate expired at {NotAfter:O}: it cannot be renewed; re-enrol this kiosk with a ticket for its device (fleet-server devices enroll --device ID)")]
    public static partial void CertificateExpired(ILogger logger, DateTime notAfter);

    [LoggerMessage(7004, LogLevel.Warning, "Not provisioned: waiting for an enrolment ticket on {Sources} scan source(s)")]
    public static partial void WaitingForEnrolmentTicket(ILogger logger, int sources);

    [LoggerMessage(7005, LogLevel.Information, "Scan ignored while waiting for an enrolment ticket (format {Format}, hash {PayloadHash})")]
    public static partial void NotAnEnrolmentTicket(ILogger logger, string format, string payloadHash);

    [LoggerMessage(7006, LogLevel.Information, "Enrolled by scanning a ticket: {Result}")]
    public static partial void EnrolledByScan(ILogger logger, string result);

    [LoggerMessage(7007, LogLevel.Warning, "Enrolment ticket scanned but enrolment failed: {Reason}; waiting for another ticket")]
    public static partial void EnrolmentByScanFailed(ILogger logger, string reason);

    [LoggerMessage(2007, LogLevel.Information, "Same code again within the duplicate window (format {Format}, hash {PayloadHash}): shown, not recorded again")]
    public static partial void ScanRepeated(ILogger logger, string format, string payloadHash);

    [LoggerMessage(2006, LogLevel.Information, "Enrolment ticket scanned by a provisioned kiosk: ignored, not recorded")]
    public static partial void EnrolmentTicketIgnored(ILogger logger);

    [LoggerMessage(9001, LogLevel.Information, "Screen page on http://127.0.0.1:{Port}/")]
    public static partial void ScreenListening(ILogger logger, int port);

    [LoggerMessage(9002, LogLevel.Error, "Screen page could not listen on 127.0.0.1:{Port} ({Reason}); scanning goes on without a screen")]
    public static partial void ScreenFailed(ILogger logger, int port, string reason);

    [LoggerMessage(1004, LogLevel.Error, "Outbox check-in seq {Seq} cannot be decrypted ({Reason}): kept, not sent; check {KeyFile}")]
    public static partial void OutboxRecordUnreadable(ILogger logger, long seq, string reason, string keyFile);

    [LoggerMessage(1005, LogLevel.Information, "Outbox retention: {Count} acknowledged check-ins purged (acknowledged before {Cutoff:O})")]
    public static partial void OutboxPurged(ILogger logger, int count, DateTimeOffset cutoff);

    [LoggerMessage(1006, LogLevel.Warning, "Outbox retention purge failed: {Reason}; trying again in {RetryIn}")]
    public static partial void OutboxPurgeFailed(ILogger logger, string reason, TimeSpan retryIn);

    [LoggerMessage(8001, LogLevel.Warning, "Clock not trusted ({Status}; last-known-good {LastKnownGood:O}): signed codes are unverifiable:CLOCK")]
    public static partial void ClockRefused(ILogger logger, Clock.ClockStatus status, DateTimeOffset? lastKnownGood);

    [LoggerMessage(8002, LogLevel.Information, "Clock trusted again: codes are verified")]
    public static partial void ClockTrustedAgain(ILogger logger);

    [LoggerMessage(8003, LogLevel.Warning, "Last-known-good time in {Path} is unreadable: ignored")]
    public static partial void LastKnownGoodUnreadable(ILogger logger, string path);

    [LoggerMessage(8004, LogLevel.Warning, "Last-known-good time not saved: {Reason}")]
    public static partial void LastKnownGoodNotSaved(ILogger logger, string reason);

    [LoggerMessage(10001, LogLevel.Information, "Fleet config applied: device v{DeviceVersion}, policy v{PolicyVersion}, {Rejected} settings rejected")]
    public static partial void ConfigApplied(ILogger logger, long deviceVersion, long policyVersion, int rejected);

    [LoggerMessage(10002, LogLevel.Information, "Local config changed: {Count} local settings in effect")]
    public static partial void LocalConfigChanged(ILogger logger, int count);

    [LoggerMessage(10003, LogLevel.Information, "Command {CommandId} ({Name}) completed: {Status}")]
    public static partial void CommandCompleted(ILogger logger, string commandId, string name, string status);

    [LoggerMessage(10004, LogLevel.Warning, "Rebooting on the fleet's command: {Command}")]
    public static partial void Rebooting(ILogger logger, string command);

    [LoggerMessage(10005, LogLevel.Warning, "Alert {Kind} {State} (seq {Seq})")]
    public static partial void AlertChanged(ILogger logger, string kind, string state, long seq);

    [LoggerMessage(10006, LogLevel.Warning, "Device management failed: {Reason}")]
    public static partial void ManagementFailed(ILogger logger, string reason);
    [LoggerMessage(8101, LogLevel.Error, "Door signals ({Driver}) faulted: {Reason}; scanning goes on without them")]
    public static partial void SignalsFaulted(ILogger logger, string driver, string reason);

    [LoggerMessage(8102, LogLevel.Error, "Door signal failed: {Reason}")]
    public static partial void SignalsFailed(ILogger logger, string reason);

    [LoggerMessage(8201, LogLevel.Information, "systemd watchdog: petting every {Interval} while no scan is stuck")]
    public static partial void WatchdogStarted(ILogger logger, TimeSpan interval);

    [LoggerMessage(8202, LogLevel.Critical, "systemd watchdog withheld: {Worker} busy for {For}; systemd will restart the kiosk")]
    public static partial void WatchdogWithheld(ILogger logger, string worker, TimeSpan @for);

    [LoggerMessage(8203, LogLevel.Warning, "systemd notification failed: {Reason}")]
    public static partial void NotifyFailed(ILogger logger, string reason);
}
