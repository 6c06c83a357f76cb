namespace ScanPoint.FleetServer.Messaging;

/// <summary>What became of one message a device published.</summary>
public enum DeviceMessageDisposition
{
    /// <summary>Taken by the fleet (stored or queued); not routed to subscribers.</summary>
    Consumed,

    /// <summary>Recorded, and routed (retained presence).</summary>
    Route,

    /// <summary>A presence of an earlier boot than the one known: neither recorded nor routed.</summary>
    Stale,

    /// <summary>Refused: stored nowhere; <see cref="DeviceMessageOutcome.Reason"/> says why.</summary>
    Refused,
}

/// <summary>The disposition of a device message, and for a refusal its kind and reason.</summary>
public sealed record DeviceMessageOutcome(DeviceMessageDisposition Disposition, DeviceMessageRefusal Refusal = DeviceMessageRefusal.None, string Reason = "")
{
    public static readonly DeviceMessageOutcome Consumed = new(DeviceMessageDisposition.Consumed);
    public static readonly DeviceMessageOutcome Route = new(DeviceMessageDisposition.Route);
    public static readonly DeviceMessageOutcome Stale = new(DeviceMessageDisposition.Stale);

    public static DeviceMessageOutcome Refuse(DeviceMessageRefusal refusal, string reason) => new(DeviceMessageDisposition.Refused, refusal, reason);
}

/// <summary>Why a device message was refused (mapped to an MQTT reason code by the embedded broker).</summary>
public enum DeviceMessageRefusal
{
    None,
    NotAuthorized,
    PayloadInvalid,
    UnknownTopic,
}
