using System.Security.Cryptography;
using System.Text;

namespace ScanPoint.FleetServer.Storage;

/// <summary>The one judgement both stores make, inside their claim transaction, on the code row they locked.</summary>
internal static class EnrolmentRules
{
    public static EnrolmentOutcome Judge(EnrolmentRecord? code, string secretHash, DateTimeOffset now) => code switch
    {
        null => EnrolmentOutcome.UnknownCode,
        { FailedAttempts: >= EnrolmentClaim.MaxFailedAttempts } => EnrolmentOutcome.Burnt,
        _ when !CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(code.SecretHash), Encoding.ASCII.GetBytes(secretHash)) => EnrolmentOutcome.WrongSecret,
        { UsedAt: not null } => EnrolmentOutcome.AlreadyUsed,
        _ when now >= code.ExpiresAt => EnrolmentOutcome.Expired,
        _ => EnrolmentOutcome.Enrolled,
    };
}
