namespace ScanPoint.FleetServer.Storage;

/// <summary>Enrolment codes: created by operators, claimed once by a kiosk, which becomes a registered device.</summary>
public partial interface IFleetStore
{
    /// <summary>Stores a new code; false if its id is taken.</summary>
    Task<bool> AddEnrolmentAsync(EnrolmentRecord enrolment, CancellationToken cancellationToken);

    /// <summary>
    /// In one transaction: checks the code (known, secret matches, unused, unexpired, not burnt), marks it used by
    /// <paramref name="deviceId"/> and registers that device in the code's province and site. A wrong secret counts
    /// against the code. Nothing changes unless the outcome is Enrolled (apart from that count).
    /// </summary>
    Task<EnrolmentClaim> ClaimEnrolmentAsync(string codeId, string secretHash, string deviceId, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Every code, newest first.</summary>
    Task<IReadOnlyList<EnrolmentRecord>> ListEnrolmentsAsync(CancellationToken cancellationToken);
}
