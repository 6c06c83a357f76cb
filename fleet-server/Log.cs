namespace ScanPoint.FleetServer;

/// <summary>Every log message of the fleet server. Event ids: 1xxx broker (11xx external broker), 2xxx ingest, 3xxx storage, 4xxx api,
/// 5xxx trust, 6xxx device management, 7xxx relay.</summary>
internal static partial class Log
{
    [LoggerMessage(1001, LogLevel.Warning, "Connection refused for client {ClientId} from {Endpoint}: {Reason}")]
    public static partial void ConnectionRefused(ILogger logger, string clientId, string? endpoint, string reason);

    [LoggerMessage(1002, LogLevel.Information, "Device {DeviceId} ({Province}) connected")]
    public static partial void DeviceConnected(ILogger logger, string deviceId, string province);

    [LoggerMessage(1003, LogLevel.Warning, "Publish refused from {ClientId} on {Topic}: {Reason}")]
    public static partial void PublishRefused(ILogger logger, string clientId, string topic, string reason);

    [LoggerMessage(1004, LogLevel.Warning, "Subscription refused for {ClientId} on {TopicFilter}")]
    public static partial void SubscriptionRefused(ILogger logger, string clientId, string topicFilter);

    [LoggerMessage(1005, LogLevel.Information, "MQTT endpoint (Kestrel) listening on {Address}:{Port}")]
    public static partial void BrokerListening(ILogger logger, string address, int port);

    [LoggerMessage(2001, LogLevel.Debug, "Committed {Rows} check-ins ({New} new) from {Batches} batches")]
    public static partial void Committed(ILogger logger, int rows, int @new, int batches);

    [LoggerMessage(2002, LogLevel.Error, "Storing {Rows} check-ins failed; not acknowledged, kiosks will resend. Retrying in {Delay}")]
    public static partial void StoreFailed(ILogger logger, int rows, TimeSpan delay, Exception exception);

    [LoggerMessage(2003, LogLevel.Warning, "Ack to {DeviceId} could not be published: {Reason}")]
    public static partial void AckFailed(ILogger logger, string deviceId, string reason);

    [LoggerMessage(4001, LogLevel.Information, "Enrolment code {CodeId} created for province {Province}, site {SiteId}, valid until {ExpiresAt:O}")]
    public static partial void EnrolmentCreated(ILogger logger, string codeId, string province, string siteId, DateTimeOffset expiresAt);

    [LoggerMessage(4002, LogLevel.Warning, "Enrolment refused (code {CodeId}): {Reason}")]
    public static partial void EnrolmentRefused(ILogger logger, string codeId, string reason);

    [LoggerMessage(4003, LogLevel.Information, "Device {DeviceId} enrolled in province {Province}, site {SiteId} with code {CodeId}; certificate valid until {NotAfter:O}")]
    public static partial void DeviceEnrolled(ILogger logger, string deviceId, string province, string siteId, string codeId, DateTime notAfter);

    [LoggerMessage(1006, LogLevel.Warning, "Revoked device {DeviceId} disconnected")]
    public static partial void RevokedDeviceDisconnected(ILogger logger, string deviceId);

    [LoggerMessage(1007, LogLevel.Error, "Looking for revoked devices failed; trying again")]
    public static partial void RevocationCheckFailed(ILogger logger, Exception exception);

    [LoggerMessage(1008, LogLevel.Information, "Presence {State} of boot {Boot} from {DeviceId} dropped: a later boot is known")]
    public static partial void StalePresenceDropped(ILogger logger, string deviceId, string state, long boot);

    [LoggerMessage(4004, LogLevel.Information, "Certificate of {DeviceId} renewed; valid until {NotAfter:O}")]
    public static partial void CertificateRenewed(ILogger logger, string deviceId, DateTime notAfter);

    [LoggerMessage(4005, LogLevel.Warning, "Certificate renewal refused for '{DeviceId}': {Reason}")]
    public static partial void RenewalRefused(ILogger logger, string deviceId, string reason);

    [LoggerMessage(5001, LogLevel.Information, "Trust bundle v{Version} (sha256 {Sha256}) announced on sp/v1/bcast/trust; download {Url}")]
    public static partial void TrustAnnounced(ILogger logger, long version, string sha256, string url);

    [LoggerMessage(5002, LogLevel.Error, "Trust bundle {Path} refused ({Reason}); the previous bundle stays current")]
    public static partial void TrustFileRefused(ILogger logger, string path, string reason);

    [LoggerMessage(5003, LogLevel.Warning, "Trust bundle could not be announced: {Reason}; trying again")]
    public static partial void TrustPublishFailed(ILogger logger, string reason);

    [LoggerMessage(5004, LogLevel.Warning, "No trust anchor configured (Trust:Anchor or Enrolment:TrustAnchor): trust bundles are not distributed")]
    public static partial void TrustDistributionOff(ILogger logger);

    [LoggerMessage(6001, LogLevel.Information, "Desired config of {DeviceId} published (device settings v{DeviceVersion}, province policy v{PolicyVersion})")]
    public static partial void ConfigPublished(ILogger logger, string deviceId, long deviceVersion, long policyVersion);

    [LoggerMessage(6002, LogLevel.Warning, "Device management step failed: {Reason}; trying again")]
    public static partial void ManagementFailed(ILogger logger, string reason);

    [LoggerMessage(6003, LogLevel.Information, "Command {CommandId} ({Name}) sent to {DeviceId}; expires {ExpiresAt:O}")]
    public static partial void CommandSent(ILogger logger, string commandId, string name, string deviceId, DateTimeOffset expiresAt);

    [LoggerMessage(6004, LogLevel.Information, "Command {CommandId} ({Name}) of {DeviceId} ended {Status}")]
    public static partial void CommandCompleted(ILogger logger, string commandId, string name, string deviceId, string status);

    [LoggerMessage(6005, LogLevel.Information, "{Count} unanswered commands expired")]
    public static partial void CommandsExpired(ILogger logger, int count);

    [LoggerMessage(6006, LogLevel.Information, "Alert {Kind} {State} on {DeviceId} (seq {Seq})")]
    public static partial void AlertChanged(ILogger logger, string kind, string state, string deviceId, long seq);
    [LoggerMessage(1101, LogLevel.Information, "Connected to the external broker as {ClientId} at {Host}:{Port} (session present: {SessionPresent}); consuming with shared group {Group}")]
    public static partial void ExternalBrokerConnected(ILogger logger, string clientId, string host, int port, bool sessionPresent, string group);

    [LoggerMessage(1102, LogLevel.Warning, "External broker {Host}:{Port} unreachable or refused: {Reason}; trying again in {Delay}")]
    public static partial void ExternalBrokerConnectFailed(ILogger logger, string host, int port, TimeSpan delay, string reason);

    [LoggerMessage(1103, LogLevel.Warning, "External broker connection {ClientId} lost ({Reason} {Detail}); the timer loop reconnects")]
    public static partial void ExternalBrokerDisconnected(ILogger logger, string clientId, string reason, string detail);

    [LoggerMessage(1104, LogLevel.Error, "Receive path of {ClientId} stalled: nothing, not even its own probe, for {Silence} (inbox {Depth}); reconnecting")]
    public static partial void ExternalReceiveStalled(ILogger logger, string clientId, TimeSpan silence, int depth);

    [LoggerMessage(1105, LogLevel.Error, "External-broker inbox full ({Depth}) and not drained for {Silence}: the consumer is stuck")]
    public static partial void ExternalConsumerStuck(ILogger logger, int depth, TimeSpan silence);

    [LoggerMessage(1106, LogLevel.Warning, "Message from '{DeviceId}' on {Topic} refused: {Reason}")]
    public static partial void ExternalMessageRefused(ILogger logger, string deviceId, string topic, string reason);

    [LoggerMessage(1107, LogLevel.Error, "Message on {Topic} could not be handled")]
    public static partial void ExternalMessageFailed(ILogger logger, string topic, Exception exception);

    [LoggerMessage(1108, LogLevel.Information, "Stale presence of {DeviceId} retained by the broker replaced by the known {State} of boot {Boot}")]
    public static partial void StalePresenceCorrected(ILogger logger, string deviceId, string state, long boot);

    [LoggerMessage(1109, LogLevel.Debug, "Disconnect of {ClientId} did not complete: {Reason}")]
    public static partial void ExternalBrokerDisconnectFailed(ILogger logger, string clientId, string reason);

    [LoggerMessage(1110, LogLevel.Information, "External-broker mode: no embedded broker; kiosks are told {Address}")]
    public static partial void ExternalBrokerMode(ILogger logger, string address);
    [LoggerMessage(7001, LogLevel.Information, "Relay to {Intake} started: batches of {BatchSize}, {MaxInFlight} in flight, timeout {Timeout}")]
    public static partial void RelayStarted(ILogger logger, Uri intake, int batchSize, int maxInFlight, TimeSpan timeout);

    [LoggerMessage(7002, LogLevel.Information, "Relay:Url is empty: check-ins are not relayed to the national backend (they wait in the relay outbox)")]
    public static partial void RelayOff(ILogger logger);

    [LoggerMessage(7003, LogLevel.Debug, "Batch {BatchId} relayed: {Accepted} accepted, {Duplicates} duplicates, {Rejected} rejected")]
    public static partial void RelayDelivered(ILogger logger, string batchId, int accepted, int duplicates, int rejected);

    [LoggerMessage(7004, LogLevel.Warning, "Batch {BatchId} ({Items} check-ins), attempt {Attempt} failed: {Reason}; retrying in {Delay}")]
    public static partial void RelayAttemptFailed(ILogger logger, string batchId, int items, int attempt, string reason, TimeSpan delay);

    [LoggerMessage(7005, LogLevel.Information, "Batch {BatchId} relayed after {Failures} failed attempts")]
    public static partial void RelayRecovered(ILogger logger, string batchId, int failures);

    [LoggerMessage(7006, LogLevel.Warning, "Batch {BatchId}: {Count} check-ins refused for good and moved to dead letters (first: {Code} {Reason})")]
    public static partial void RelayItemsRejected(ILogger logger, string batchId, int count, string code, string reason);

    [LoggerMessage(7007, LogLevel.Error, "Batch {BatchId} ({Items} check-ins) refused whole for good ({Reason}); moved to dead letters")]
    public static partial void RelayBatchRefused(ILogger logger, string batchId, int items, string reason);

    [LoggerMessage(7008, LogLevel.Error, "Relay outbox could not be read or updated; retrying in {Delay}")]
    public static partial void RelayStoreFailed(ILogger logger, TimeSpan delay, Exception exception);
}
