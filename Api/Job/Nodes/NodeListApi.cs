using OpenC3.Api.Infrastructure;
using OpenC3.Grains.Abstractions.Catalog;

namespace OpenC3.Api.Job;

/// <summary>`/nodelist`: machines a tree node adds by hand (`ip` or `name::inip[::exip]`); changing them is for admins.</summary>
public static class NodeListApi
{
    public static RouteGroupBuilder MapNodeListApi(this RouteGroupBuilder job)
    {
        // Someone else's private node: upstream lets admins read its machines.
        job.MapGet("/nodelist/{treeid}", List).RequireProjectPoint(Points.JobRead, privateNodeFallback: Points.JobRoot);
        job.MapPost("/nodelist/{treeid}", Add).RequireProjectPoint(Points.JobRoot);
        job.MapDelete("/nodelist/{treeid}/{id}", Delete).RequireProjectPoint(Points.JobRoot);
        return job;
    }

    private static async Task<IResult> List(HttpContext context, IGrainFactory grains)
    {
        var input = await RequestParams.ReadAsync(context.Request);
        if (new Check(input).NoQuote("name", required: false).RowFilters().Failure is { } failure)
        {
            return Reply.Fail(failure);
        }

        var filter = new JobNodeFilter(input.Text("name"), input.Text("inip"), input.Text("exip"), ResourceRoutes.Rows(input));
        var nodes = await grains.GetGrain<IJobNodeListGrain>(0).List(context.TreeId(), filter);
        return Reply.Ok(nodes.Select(n => new { id = n.Id, name = n.Name, inip = n.InIp, exip = n.ExIp, create_user = n.CreateUser, create_time = n.CreateTime }));
    }

    private static async Task<IResult> Add(HttpContext context, IGrainFactory grains)
    {
        var treeId = context.TreeId();
        var input = await RequestParams.ReadAsync(context.Request);
        var failure = new Check(input).Required("name", NodeSpec.Pattern).Failure;
        var node = NodeSpec.Parse(input.Text("name"));
        if (failure is not null || node is null)
        {
            return Reply.Fail(failure ?? $"check format fail name format error {Check.PerlRegex(NodeSpec.Pattern)}");
        }

        await AuditTrail.RecordAsync(grains, Caller.Required(context), "ADD NODELIST", $"TREEID:{treeId} NAME:{input.Text("name")}");
        var error = await grains.GetGrain<IJobNodeListGrain>(0).Add(treeId, node, Caller.Required(context).User);
        return error is null ? Reply.Ok(true) : Reply.Fail(error);
    }

    private static Task<IResult> Delete(string id, HttpContext context, IGrainFactory grains) =>
        ResourceRoutes.DeleteRowAsync<IJobNodeListGrain>(context, grains, id, "DEL NODELIST", "NAME");
}
