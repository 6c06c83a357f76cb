using System.Data.Common;

namespace ScanPoint.FleetServer.Storage;

/// <summary>The operators' accounts (<see cref="UserSql"/>) over either store's database.</summary>
public sealed class UserStore(ManagementDatabase db)
{
    /// <summary>Adds an account; false when the name is taken.</summary>
    public async Task<bool> AddAsync(UserRecord user, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        return await db.WriteAsync(
            c => DbCommands.ExecuteAsync(c, UserSql.Insert, cancellationToken, ("name", user.Name), ("role", user.Role), ("province", user.Province), ("password_hash", user.PasswordHash), ("at", db.ToDb(at))),
            cancellationToken).ConfigureAwait(false) == 1;
    }

    public Task<UserRecord?> FindAsync(string name, CancellationToken cancellationToken) =>
        db.ReadAsync(
            async c =>
            {
                await using var command = DbCommands.Create(c, UserSql.Select, ("name", name));
                await using var r = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                return await r.ReadAsync(cancellationToken).ConfigureAwait(false)
                    ? new UserRecord(r.GetString(0), r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2), r.GetString(3), r.GetInt32(4), r.IsDBNull(5) ? null : db.FromDb(r, 5))
                    : null;
            },
            cancellationToken);

    /// <summary>Counts a failed sign-in; the <paramref name="maxAttempts"/>th locks the account until <paramref name="lockUntil"/>.</summary>
    public Task FailedAsync(string name, int maxAttempts, DateTimeOffset lockUntil, CancellationToken cancellationToken) =>
        db.WriteAsync(c => DbCommands.ExecuteAsync(c, UserSql.Failed, cancellationToken, ("max", maxAttempts), ("lock_until", db.ToDb(lockUntil)), ("name", name)), cancellationToken);

    public Task SucceededAsync(string name, CancellationToken cancellationToken) =>
        db.WriteAsync(c => DbCommands.ExecuteAsync(c, UserSql.Succeeded, cancellationToken, ("name", name)), cancellationToken);
}
