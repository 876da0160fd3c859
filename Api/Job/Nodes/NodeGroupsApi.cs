using System.Text.Json;
using OpenC3.Api.Infrastructure;
using OpenC3.Grains.Abstractions.Catalog;

namespace OpenC3.Api.Job;

/// <summary>`/nodegroup/:treeid`: named host sets that steps reference by id (plugin `node`: a host CSV; `type`: machine types).</summary>
public static class NodeGroupsApi
{
    private static readonly CatalogResource<NodeGroupDraft, NodeGroup> Resource = new(
        "nodegroup",
        "id",
        "NODEGROUP",
        DraftOf,
        draft => draft.Name,
        (grains, treeId, id) => Groups(grains).Get(treeId, id),
        (grains, treeId, draft, user) => Groups(grains).Create(treeId, draft, user),
        (grains, treeId, id, draft, user) => Groups(grains).Update(treeId, id, draft, user),
        (grains, treeId, id, user) => Groups(grains).Delete(treeId, id, user));

    public static RouteGroupBuilder MapNodeGroupsApi(this RouteGroupBuilder job)
    {
        job.MapGet("/nodegroup/{treeid}", List).RequirePoint(Points.JobRead);
        job.MapGet("/nodegroup/{treeid}/{id}", Detail).RequirePoint(Points.JobRead);
        job.MapGet("/nodegroup/{treeid}/{id}/nodelist", Nodes).RequirePoint(Points.JobRead);
        job.MapPost("/nodegroup/{treeid}", Resource.CreateAsync).RequirePoint(Points.JobWrite);
        job.MapPost("/nodegroup/{treeid}/{id}", Resource.UpdateAsync).RequirePoint(Points.JobWrite);
        job.MapDelete("/nodegroup/{treeid}/{id}", Resource.DeleteAsync).RequirePoint(Points.JobDelete);
        return job;
    }

    private static INodeGroupsGrain Groups(IGrainFactory grains) => grains.GetGrain<INodeGroupsGrain>(0);

    /// <summary>Groups of the node, newest first; `jobname` lists the permanent jobs using each.</summary>
    private static Task<IResult> List(HttpContext context, IGrainFactory grains) =>
        CatalogFilters.ListAsync(context, withPlugin: true, withJobName: true, Groups(grains).List, g => new
        {
            id = g.Id, name = g.Name, plugin = g.Plugin, create_user = g.Authorship.CreateUser, create_time = g.Authorship.CreateTime,
            edit_user = g.Authorship.EditUser, edit_time = g.Authorship.EditTime, jobname = g.JobName,
        });

    private static async Task<IResult> Detail(string id, HttpContext context, IGrainFactory grains)
    {
        var (failure, _, group) = await Resource.FindAsync(id, context, grains);
        if (failure is not null)
        {
            return failure;
        }

        using var parameters = JsonDocument.Parse(group!.ParamsJson);
        return Reply.Ok(new
        {
            id = group.Id, name = group.Name, plugin = group.Plugin, @params = parameters.RootElement.Clone(), create_user = group.Authorship.CreateUser,
            create_time = group.Authorship.CreateTime, edit_user = group.Authorship.EditUser, edit_time = group.Authorship.EditTime,
        });
    }

    private static async Task<IResult> Nodes(string id, HttpContext context, IGrainFactory grains)
    {
        var treeId = context.TreeId();
        if (TreeIds.TryParse(id) is not { } groupId)
        {
            return Reply.Fail(TreeIds.FormatError("id"));
        }

        return await Groups(grains).Nodes(treeId, groupId) is { } nodes ? Reply.Ok(nodes) : Reply.Fail("nofind the nodegroup in project");
    }

    /// <summary>`params` is kept as the JSON value the client sent (upstream keeps any value, as YAML).</summary>
    private static (NodeGroupDraft? Draft, string? Failure) DraftOf(RequestParams input)
    {
        var check = new Check(input).NoQuote("name", required: true).MaxLength("name", CatalogResource<NodeGroupDraft, NodeGroup>.MaxNameLength)
            .RequiredIn("plugin", NodeGroupHosts.Plugins);
        if (check.Failure is { } failure)
        {
            return (null, failure);
        }

        var parameters = input.Values.TryGetValue("params", out var value) ? value.GetRawText() : "null";
        return (new NodeGroupDraft(input.Text("name")!, input.Text("plugin")!, parameters), null);
    }
}
