using OpenC3.Api.Infrastructure;
using OpenC3.Grains.Abstractions.Catalog;

namespace OpenC3.Api.Job;

/// <summary>`/userlist`: remote accounts steps may run as; a node sees its own and the global (node 0) ones.</summary>
public static class UserListApi
{
    private const string UsernamePattern = @"^[a-zA-Z0-9\-_]+$";

    public static RouteGroupBuilder MapUserListApi(this RouteGroupBuilder job)
    {
        job.MapGet("/userlist/{treeid}", List);
        job.MapPost("/userlist/{treeid}", Add);
        job.MapDelete("/userlist/{treeid}/{id}", Delete);
        return job;
    }

    private static async Task<IResult> List(string treeid, HttpContext context, IGrainFactory grains)
    {
        var access = await context.GuardAsync(treeid, Points.JobRead);
        if (!access.Allowed)
        {
            return access.Denied!;
        }

        var input = await RequestParams.ReadAsync(context.Request);
        if (new Check(input).NoQuote("name", required: false).RowFilters().Failure is { } failure)
        {
            return Reply.Fail(failure);
        }

        var accounts = await grains.GetGrain<IRemoteAccountGrain>(0).List(access.TreeId, input.Text("name"), ResourceRoutes.Rows(input));
        return Reply.Ok(accounts.Select(a => new { id = a.Id, projectid = a.ProjectId, username = a.Username, create_user = a.CreateUser, create_time = a.CreateTime }));
    }

    private static Task<IResult> Add(string treeid, HttpContext context, IGrainFactory grains) =>
        ResourceRoutes.AddValueAsync<IRemoteAccountGrain>(context, grains, treeid, ("username", UsernamePattern, 100), "ADD USERLIST", "USERNAME");

    private static Task<IResult> Delete(string treeid, string id, HttpContext context, IGrainFactory grains) =>
        ResourceRoutes.DeleteRowAsync<IRemoteAccountGrain>(context, grains, treeid, id, Points.JobDelete, "DEL USERLIST", "USERNAME");
}
