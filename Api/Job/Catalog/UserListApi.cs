using OpenC3.Api.Infrastructure;
using OpenC3.Grains.Abstractions.Catalog;

namespace OpenC3.Api.Job;

/// <summary>`/userlist`: remote accounts steps may run as; a node sees its own and the global (node 0) ones.</summary>
public static class UserListApi
{
    private const string UsernamePattern = @"^[a-zA-Z0-9\-_]+$";

    public static RouteGroupBuilder MapUserListApi(this RouteGroupBuilder job)
    {
        job.MapGet("/userlist/{treeid}", List).RequireProjectPoint(Points.JobRead);
        job.MapPost("/userlist/{treeid}", Add).RequireProjectPoint(Points.JobWrite);
        job.MapDelete("/userlist/{treeid}/{id}", Delete).RequireProjectPoint(Points.JobDelete);
        return job;
    }

    private static async Task<IResult> List(HttpContext context, IGrainFactory grains)
    {
        var treeId = context.TreeId();
        var input = await RequestParams.ReadAsync(context.Request);
        if (new Check(input).NoQuote("name", required: false).RowFilters().Failure is { } failure)
        {
            return Reply.Fail(failure);
        }

        var accounts = await grains.GetGrain<IRemoteAccountGrain>(0).List(treeId, input.Text("name"), ResourceRoutes.Rows(input));
        return Reply.Ok(accounts.Select(a => new { id = a.Id, projectid = a.ProjectId, username = a.Username, create_user = a.CreateUser, create_time = a.CreateTime }));
    }

    private static Task<IResult> Add(HttpContext context, IGrainFactory grains) =>
        ResourceRoutes.AddValueAsync<IRemoteAccountGrain>(context, grains, ("username", UsernamePattern, 100), "ADD USERLIST", "USERNAME");

    private static Task<IResult> Delete(string id, HttpContext context, IGrainFactory grains) =>
        ResourceRoutes.DeleteRowAsync<IRemoteAccountGrain>(context, grains, id, "DEL USERLIST", "USERNAME");
}
