namespace OpenC3.Grains.Abstractions.Connector;

/// <summary>Built-in users, passwords and login sessions of the default connector.</summary>
[Alias("openc3.IIdentityGrain")]
public interface IIdentityGrain : IGrainWithIntegerKey
{
    /// <summary>Checks the password (after the back-off of <see cref="ILoginBackoffGrain"/>) and opens a session; the session id is only ever returned here.</summary>
    Task<LoginResult> Login(string user, string password, string ip);

    /// <summary>The user a live session belongs to, or null.</summary>
    Task<string?> ResolveSession(string sessionId);

    Task Logout(string sessionId);

    /// <summary>Null on success, else upstream-style error text.</summary>
    Task<string?> ChangePassword(string user, string oldPassword, string newPassword);

    Task<IReadOnlyList<UserSummary>> ListUsers();

    /// <summary>Creates a user; returns the initial password (generated when none is given), or an error.</summary>
    Task<AddUserResult> AddUser(string user, string? password);

    Task<bool> DeleteUser(string user);

    Task<IReadOnlyList<LoginAuditRow>> LoginAudit(string? user, int limit);
}

[GenerateSerializer, Immutable, Alias("openc3.LoginResult")]
public sealed record LoginResult([property: Id(0)] string? SessionId, [property: Id(1)] string? Error)
{
    /// <summary>Upstream's one answer for an unknown user and a wrong password alike.</summary>
    public const string BadCredentials = "username or password error";
}

[GenerateSerializer, Immutable, Alias("openc3.AddUserResult")]
public sealed record AddUserResult([property: Id(0)] string? Password, [property: Id(1)] string? Error);

/// <summary>`pass`: 0 no password set, 1 set (upstream's 2 = default password cannot happen here).</summary>
[GenerateSerializer, Immutable, Alias("openc3.UserSummary")]
public sealed record UserSummary([property: Id(0)] string Name, [property: Id(1)] int Pass);

[GenerateSerializer, Immutable, Alias("openc3.LoginAuditRow")]
public sealed record LoginAuditRow([property: Id(0)] string Time, [property: Id(1)] string User, [property: Id(2)] string Action, [property: Id(3)] string Ip);
