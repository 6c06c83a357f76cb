namespace ScanPoint.FleetServer.Storage;

/// <summary>Why a claim succeeded or not. Callers tell the device only "refused"; the reason goes to the log.</summary>
public enum EnrolmentOutcome
{
    Enrolled,
    UnknownCode,
    WrongSecret,
    AlreadyUsed,
    Expired,
    Burnt,
    DeviceIdTaken,

    /// <summary>A re-enrolment code whose device was deleted or revoked since.</summary>
    DeviceGone,
}
