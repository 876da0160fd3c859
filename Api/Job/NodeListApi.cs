using OpenC3.Api.Infrastructure;
using OpenC3.Grains.Abstractions.Catalog;
using OpenC3.Grains.Catalog;
using OpenC3.Grains.Connector;

namespace OpenC3.Api.Job;

/// <summary>`/nodelist`: machines a tree node adds by hand (`ip` or `name::inip[::exip]`); changing them is for admins.</summary>
public static class NodeListApi
{
    public static RouteGroupBuilder MapNodeListApi(this RouteGroupBuilder job)
    {
        job.MapGet("/nodelist/{treeid}", List);
        job.MapPost("/nodelist/{treeid}", Add);
        job.MapDelete("/nodelist/{treeid}/{id}", Delete);
        return job;
    }

    private static async Task<IResult> List(string treeid, HttpContext context, IGrainFactory grains)
    {
        var access = await context.GuardAsync(treeid, Points.JobRead);
        // Someone else's private node: upstream lets admins read its machines.
        if (!access.Allowed && access.TreeId > PermissionPolicy.PrivateRoot)
        {
            access = await context.GuardAsync(treeid, Points.JobRoot);
        }

        if (!access.Allowed)
        {
            return access.Denied!;
        }

        var input = await RequestParams.ReadAsync(context.Request);
        if (new Check(input).NoQuote("name", required: false).RowFilters().Failure is { } failure)
        {
            return Reply.Fail(failure);
        }

        var filter = new JobNodeFilter(input.Text("name"), input.Text("inip"), input.Text("exip"), ResourceRoutes.Rows(input));
        var nodes = await grains.GetGrain<IJobNodeListGrain>(0).List(access.TreeId, filter);
        return Reply.Ok(nodes.Select(n => new { id = n.Id, name = n.Name, inip = n.InIp, exip = n.ExIp, create_user = n.CreateUser, create_time = n.CreateTime }));
    }

    private static async Task<IResult> Add(string treeid, HttpContext context, IGrainFactory grains)
    {
        var access = await context.GuardAsync(treeid, Points.JobRoot);
        if (!access.Allowed)
        {
            return access.Denied!;
        }

        var input = await RequestParams.ReadAsync(context.Request);
        var failure = new Check(input).Required("name", NodeSpec.Pattern).Failure;
        var node = NodeSpec.Parse(input.Text("name"));
        if (failure is not null || node is null)
        {
            return Reply.Fail(failure ?? $"check format fail name format error {Check.PerlRegex(NodeSpec.Pattern)}");
        }

        await AuditTrail.RecordAsync(grains, Caller.Required(context), "ADD NODELIST", $"TREEID:{access.TreeId} NAME:{input.Text("name")}");
        var error = await grains.GetGrain<IJobNodeListGrain>(0).Add(access.TreeId, node, Caller.Required(context).User);
        return error is null ? Reply.Ok(true) : Reply.Fail(error);
    }

    private static Task<IResult> Delete(string treeid, string id, HttpContext context, IGrainFactory grains) =>
        ResourceRoutes.DeleteRowAsync<IJobNodeListGrain>(context, grains, treeid, id, Points.JobRoot, "DEL NODELIST", "NAME");
}
