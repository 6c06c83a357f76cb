namespace ScanPoint.FleetServer.Storage;

/// <summary>The outcome of claiming an enrolment code; <see cref="Device"/> is set only when <see cref="Outcome"/> is Enrolled.</summary>
public sealed record EnrolmentClaim(EnrolmentOutcome Outcome, DeviceRecord? Device = null)
{
    /// <summary>Wrong secrets tolerated before a code is burnt.</summary>
    public const int MaxFailedAttempts = 5;
}
