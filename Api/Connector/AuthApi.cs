using System.Globalization;
using OpenC3.Api.Infrastructure;
using OpenC3.Grains.Abstractions.Connector;

namespace OpenC3.Api.Connector;

/// <summary>Grants (`/default/auth/*`) and private nodes (`/private`): admin only.</summary>
public static class AuthApi
{
    private const string LevelPattern = "^[0-3]$";
    private const string UserPattern = "^[A-Za-z0-9@_.-]+$";
    private static readonly string[] AnyMethod = ["GET", "POST"];

    /// <summary>A user name as the grant tables hold it (at most 100 characters).</summary>
    private static Check User(RequestParams input) => new Check(input).Required("user", UserPattern).MaxLength("user", 100);

    public static RouteGroupBuilder MapAuthApi(this RouteGroupBuilder connector)
    {
        var admin = connector.MapGroup(string.Empty).RequireGlobalPoint(Points.ConnectorRoot);
        admin.MapMethods("/default/auth/userauth", AnyMethod, ListGlobal);
        admin.MapPost("/default/auth/addauth", AddGlobal);
        admin.MapDelete("/default/auth/delauth", DeleteGlobal);
        admin.MapMethods("/default/auth/tree/userauth", AnyMethod, ListTree);
        admin.MapPost("/default/auth/tree/addauth", AddTree);
        admin.MapDelete("/default/auth/tree/delauth", DeleteTree);
        admin.MapGet("/private", ListPrivate);
        admin.MapPost("/private", AddPrivate);
        return connector;
    }

    private static async Task<IResult> ListGlobal(IGrainFactory grains) =>
        Reply.Ok((await grains.GetGrain<IGrantsGrain>(0).ListGlobal()).Select(g => new { name = g.Name, level = g.Level }));

    private static async Task<IResult> AddGlobal(HttpContext context, IGrainFactory grains)
    {
        var input = await RequestParams.ReadAsync(context.Request);
        if (User(input).Required("level", LevelPattern).Failure is { } failure)
        {
            return Reply.Fail(failure);
        }

        await AuditTrail.RecordAsync(grains, Caller.Required(context), "ADD AUTH", $"USER:{input.Text("user")} LEVEL:{input.Text("level")}");
        await grains.GetGrain<IGrantsGrain>(0).SetGlobal(input.Text("user")!, int.Parse(input.Text("level")!, CultureInfo.InvariantCulture));
        return Reply.Ok(1);
    }

    private static async Task<IResult> DeleteGlobal(HttpContext context, IGrainFactory grains)
    {
        var input = await RequestParams.ReadAsync(context.Request);
        if (User(input).Failure is { } failure)
        {
            return Reply.Fail(failure);
        }

        await AuditTrail.RecordAsync(grains, Caller.Required(context), "DELETE AUTH", $"USER:{input.Text("user")}");
        return Reply.Ok(await grains.GetGrain<IGrantsGrain>(0).DeleteGlobal(input.Text("user")!) ? 1 : 0);
    }

    private static async Task<IResult> ListTree(IGrainFactory grains) =>
        Reply.Ok((await grains.GetGrain<IGrantsGrain>(0).ListTree()).Select(g => new { id = g.Id, name = g.Name, tree = g.Tree, level = g.Level, treename = g.TreeName }));

    private static async Task<IResult> AddTree(HttpContext context, IGrainFactory grains)
    {
        var input = await RequestParams.ReadAsync(context.Request);
        if (User(input).Required("tree", @"^\d{1,18}$").Required("level", LevelPattern).Failure is { } failure)
        {
            return Reply.Fail(failure);
        }

        await AuditTrail.RecordAsync(grains, Caller.Required(context), "ADD TREE AUTH", $"USER:{input.Text("user")} TREE:{input.Text("tree")} LEVEL:{input.Text("level")}");
        var error = await grains.GetGrain<IGrantsGrain>(0).SetTree(
            input.Text("user")!, long.Parse(input.Text("tree")!, CultureInfo.InvariantCulture), int.Parse(input.Text("level")!, CultureInfo.InvariantCulture));
        return error is null ? Reply.Ok(1) : Reply.Fail(error);
    }

    private static async Task<IResult> DeleteTree(HttpContext context, IGrainFactory grains)
    {
        var input = await RequestParams.ReadAsync(context.Request);
        if (new Check(input).Required("id", @"^\d{1,18}$").Failure is { } failure)
        {
            return Reply.Fail(failure);
        }

        await AuditTrail.RecordAsync(grains, Caller.Required(context), "DELETE TREE AUTH", $"ID:{input.Text("id")}");
        return Reply.Ok(await grains.GetGrain<IGrantsGrain>(0).DeleteTree(long.Parse(input.Text("id")!, CultureInfo.InvariantCulture)) ? 1 : 0);
    }

    private static async Task<IResult> ListPrivate(IGrainFactory grains) =>
        Reply.Ok((await grains.GetGrain<IGrantsGrain>(0).ListPrivate()).Select(p => new { id = p.Id, user = p.User, edit_time = p.EditTime, edit_user = p.EditUser }));

    private static async Task<IResult> AddPrivate(HttpContext context, IGrainFactory grains)
    {
        var input = await RequestParams.ReadAsync(context.Request);
        if (User(input).Failure is { } failure)
        {
            return Reply.Fail(failure);
        }

        var caller = Caller.Required(context);
        await AuditTrail.RecordAsync(grains, caller, "ADD PRIVATE NODE", $"USER:{input.Text("user")}");
        return Reply.Ok(await grains.GetGrain<IGrantsGrain>(0).EnsurePrivate(input.Text("user")!, caller.User));
    }
}
