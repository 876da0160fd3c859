using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Dapper;
using Microsoft.Extensions.Options;
using OpenC3.Grains.Abstractions.Common;
using OpenC3.Grains.Abstractions.Connector;
using OpenC3.Grains.Storage;
using Orleans.Concurrency;

namespace OpenC3.Grains.Connector;

[StatelessWorker]
[GrainType("identity")]
public sealed partial class IdentityGrain(SqlDatabase database, IOptions<ConnectorOptions> options, TimeProvider clock) : Grain, IIdentityGrain
{
    private const int MinPasswordLength = 8;

    // Verifying against this when the user does not exist keeps the reply time the same, so names cannot be probed.
    private static readonly string DecoyHash = PasswordHasher.Hash(PasswordHasher.NewRandomPassword());

    public async Task<LoginResult> Login(string user, string password, string ip)
    {
        if (!UserPattern().IsMatch(user))
        {
            return new LoginResult(null, LoginResult.BadCredentials);
        }

        var backoff = GrainFactory.GetGrain<ILoginBackoffGrain>(0);
        if (await backoff.Admit(user, ip) is var wait && wait > TimeSpan.Zero)
        {
            return new LoginResult(null, $"too many failed logins, try again in {Math.Ceiling(wait.TotalSeconds):0} seconds");
        }

        var settings = options.Value;
        var now = clock.GetUtcNow().ToUnixTimeSeconds();
        await using var connection = await database.OpenAsync();
        var stored = await connection.QuerySingleOrDefaultAsync<string>("SELECT pass FROM openc3_connector_userinfo WHERE name = @user", new { user });
        if (!PasswordHasher.Verify(password, stored ?? DecoyHash) || stored is null)
        {
            await RecordLoginAsync(connection, user, "pwErr", ip, now);
            return new LoginResult(null, LoginResult.BadCredentials);
        }

        await backoff.Succeeded(user, ip);
        var sessionId = RandomNumberGenerator.GetString("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", 64);
        await connection.ExecuteAsync(
            "INSERT INTO openc3_connector_session (sid_hash, user, expire) VALUES (@hash, @user, @expire)",
            new { hash = HashSession(sessionId), user, expire = now + (long)settings.SessionLifetime.TotalSeconds });
        await RecordLoginAsync(connection, user, "login", ip, now);
        return new LoginResult(sessionId, null);
    }

    public async Task<string?> ResolveSession(string sessionId)
    {
        if (sessionId.Length != 64)
        {
            return null;
        }

        await using var connection = await database.OpenAsync();
        return await connection.QuerySingleOrDefaultAsync<string>(
            "SELECT user FROM openc3_connector_session WHERE sid_hash = @hash AND expire > @now",
            new { hash = HashSession(sessionId), now = clock.GetUtcNow().ToUnixTimeSeconds() });
    }

    public async Task Logout(string sessionId)
    {
        await using var connection = await database.OpenAsync();
        var hash = HashSession(sessionId);
        var user = await connection.QuerySingleOrDefaultAsync<string>("SELECT user FROM openc3_connector_session WHERE sid_hash = @hash", new { hash });
        if (user is not null)
        {
            await connection.ExecuteAsync("DELETE FROM openc3_connector_session WHERE sid_hash = @hash", new { hash });
            await RecordLoginAsync(connection, user, "logout", string.Empty, clock.GetUtcNow().ToUnixTimeSeconds());
        }
    }

    public async Task<string?> ChangePassword(string user, string oldPassword, string newPassword)
    {
        if (newPassword.Length < MinPasswordLength)
        {
            return $"new password must have at least {MinPasswordLength} characters";
        }

        await using var connection = await database.OpenAsync();
        var stored = await connection.QuerySingleOrDefaultAsync<string>("SELECT pass FROM openc3_connector_userinfo WHERE name = @user", new { user });
        if (stored is null || !PasswordHasher.Verify(oldPassword, stored))
        {
            return "old password error";
        }

        await connection.ExecuteAsync("UPDATE openc3_connector_userinfo SET pass = @pass WHERE name = @user", new { user, pass = PasswordHasher.Hash(newPassword) });
        return null;
    }

    public async Task<IReadOnlyList<UserSummary>> ListUsers()
    {
        await using var connection = await database.OpenAsync();
        var rows = await connection.QueryAsync<(string Name, string? Pass)>("SELECT name, pass FROM openc3_connector_userinfo ORDER BY name");
        return rows.Select(r => new UserSummary(r.Name, string.IsNullOrEmpty(r.Pass) ? 0 : 1)).ToList();
    }

    public async Task<AddUserResult> AddUser(string user, string? password)
    {
        if (!UserPattern().IsMatch(user))
        {
            return new AddUserResult(null, $"check format fail user format error (?^:{UserPattern()})");
        }

        if (password is not null && password.Length < MinPasswordLength)
        {
            return new AddUserResult(null, $"password must have at least {MinPasswordLength} characters");
        }

        password ??= PasswordHasher.NewRandomPassword();
        await using var connection = await database.OpenAsync();
        var inserted = await connection.ExecuteAsync(
            "INSERT INTO openc3_connector_userinfo (name, pass, create_time) SELECT @user, @pass, @now WHERE NOT EXISTS (SELECT 1 FROM openc3_connector_userinfo WHERE name = @user)",
            new { user, pass = PasswordHasher.Hash(password), now = TimeFormat.Now(clock) });
        return inserted == 0 ? new AddUserResult(null, "user already exists") : new AddUserResult(password, null);
    }

    public async Task<bool> DeleteUser(string user)
    {
        await using var connection = await database.OpenAsync();
        var deleted = await connection.ExecuteAsync("DELETE FROM openc3_connector_userinfo WHERE name = @user", new { user });
        await connection.ExecuteAsync("DELETE FROM openc3_connector_session WHERE user = @user", new { user });
        return deleted > 0;
    }

    public async Task<IReadOnlyList<LoginAuditRow>> LoginAudit(string? user, int limit)
    {
        await using var connection = await database.OpenAsync();
        var rows = await connection.QueryAsync<LoginAuditRow>(
            "SELECT time AS Time, user AS User, action AS Action, ip AS Ip FROM openc3_connector_user_login_audit WHERE (@user IS NULL OR user = @user) ORDER BY id DESC LIMIT @limit",
            new { user, limit });
        return rows.ToList();
    }

    /// <summary>Only a hash of the session id is stored: a copy of the database does not log anyone in.</summary>
    private static string HashSession(string sessionId) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sessionId)));

    private Task RecordLoginAsync(System.Data.Common.DbConnection connection, string user, string action, string ip, long now) =>
        connection.ExecuteAsync(
            "INSERT INTO openc3_connector_user_login_audit (user, action, ip, t, time) VALUES (@user, @action, @ip, @now, @time)",
            new { user, action, ip, now, time = TimeFormat.Now(clock) });

    [GeneratedRegex("^[A-Za-z0-9@_.-]+$")]
    private static partial Regex UserPattern();
}
