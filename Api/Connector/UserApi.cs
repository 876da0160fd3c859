using OpenC3.Api.Infrastructure;
using OpenC3.Grains.Abstractions.Connector;

namespace OpenC3.Api.Connector;

/// <summary>Built-in user management (`/default/user/*`): admins manage users, everyone changes their own password.</summary>
public static class UserApi
{
    private static readonly string[] AnyMethod = ["GET", "POST"];

    public static RouteGroupBuilder MapUserApi(this RouteGroupBuilder connector)
    {
        connector.MapPost("/default/user/chpasswd", ChangePassword).LoginOnly("everyone changes their own password");
        connector.MapMethods("/default/user/userlist", AnyMethod, ListUsers).RequireGlobalPoint(Points.ConnectorRoot);
        connector.MapPost("/default/user/adduser", AddUser).RequireGlobalPoint(Points.ConnectorRoot);
        connector.MapDelete("/default/user/deluser", DeleteUser).RequireGlobalPoint(Points.ConnectorRoot);
        return connector;
    }

    private static async Task<IResult> ChangePassword(HttpContext context, IGrainFactory grains)
    {
        var caller = Caller.Required(context);
        var input = await RequestParams.ReadAsync(context.Request);
        if (new Check(input).Required("old", ".").Required("new1", ".").Required("new2", ".").Failure is { } failure)
        {
            return Reply.Fail(failure);
        }

        if (caller.IsApp)
        {
            return Reply.Fail("applications have no password");
        }

        if (input.Text("new1") != input.Text("new2"))
        {
            return Reply.Fail("the two new passwords differ");
        }

        var error = await grains.GetGrain<IIdentityGrain>(0).ChangePassword(caller.User, input.Text("old")!, input.Text("new1")!);
        if (error is not null)
        {
            return Reply.Fail(error);
        }

        await AuditTrail.RecordAsync(grains, caller, "CHANGE PASSWORD", $"USER:{caller.User}");
        return Reply.Ok(1);
    }

    private static async Task<IResult> ListUsers(HttpContext context, IGrainFactory grains)
    {
        var users = await grains.GetGrain<IIdentityGrain>(0).ListUsers();
        return Reply.Ok(users.Select(u => new { name = u.Name, pass = u.Pass }));
    }

    private static async Task<IResult> AddUser(HttpContext context, IGrainFactory grains)
    {
        var input = await RequestParams.ReadAsync(context.Request);
        if (new Check(input).Required("user", "^[A-Za-z0-9@_.-]+$").MaxLength("user", 100).Failure is { } failure)
        {
            return Reply.Fail(failure);
        }

        var user = input.Text("user")!;
        await AuditTrail.RecordAsync(grains, Caller.Required(context), "ADD USER", $"USER:{user}");
        var result = await grains.GetGrain<IIdentityGrain>(0).AddUser(user, input.Text("pass"));
        return result.Password is { } password
            ? Reply.Ok(new { user, pass = password })
            : Reply.Fail(result.Error ?? "add user failed");
    }

    private static async Task<IResult> DeleteUser(HttpContext context, IGrainFactory grains)
    {
        var input = await RequestParams.ReadAsync(context.Request);
        if (new Check(input).Required("user", "^[A-Za-z0-9@_.-]+$").MaxLength("user", 100).Failure is { } failure)
        {
            return Reply.Fail(failure);
        }

        var user = input.Text("user")!;
        await AuditTrail.RecordAsync(grains, Caller.Required(context), "DELETE USER", $"USER:{user}");
        return await grains.GetGrain<IIdentityGrain>(0).DeleteUser(user) ? Reply.Ok(1) : Reply.Fail("no such user");
    }
}
