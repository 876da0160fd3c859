using OpenC3.Api.Infrastructure;
using OpenC3.Grains.Abstractions.Catalog;

namespace OpenC3.Api.Job;

/// <summary>`/scripts/:treeid`: scripts that cmd steps cite; those of node 0 are visible everywhere.</summary>
public static class ScriptsApi
{
    private static readonly string[] Types = ["shell", "perl", "python", "php", "buildin", "auto"];

    private static readonly CatalogResource<ScriptDraft, Script> Resource = new(
        "script",
        "scriptsid",
        "SCRIPTS",
        DraftOf,
        draft => draft.Name,
        (grains, treeId, id) => Scripts(grains).Get(treeId, id),
        (grains, treeId, draft, user) => Scripts(grains).Create(treeId, draft, user),
        (grains, treeId, id, draft, user) => Scripts(grains).Update(treeId, id, draft, user),
        (grains, treeId, id, user) => Scripts(grains).Delete(treeId, id, user));

    public static RouteGroupBuilder MapScriptsApi(this RouteGroupBuilder job)
    {
        job.MapGet("/scripts/{treeid}", List).RequirePoint(Points.JobRead);
        job.MapGet("/scripts/{treeid}/{id}", Detail).RequirePoint(Points.JobRead);
        job.MapPost("/scripts/{treeid}", Resource.CreateAsync).RequirePoint(Points.JobWrite);
        job.MapPost("/scripts/{treeid}/{id}", Resource.UpdateAsync).RequirePoint(Points.JobWrite);
        job.MapDelete("/scripts/{treeid}/{id}", Resource.DeleteAsync).RequirePoint(Points.JobDelete);
        return job;
    }

    private static IScriptsGrain Scripts(IGrainFactory grains) => grains.GetGrain<IScriptsGrain>(0);

    /// <summary>Scripts of the node and global ones; `jobname` lists the permanent jobs citing each.</summary>
    private static Task<IResult> List(HttpContext context, IGrainFactory grains) =>
        CatalogFilters.ListAsync(context, withPlugin: false, withJobName: true, Scripts(grains).List, s => new
        {
            id = s.Id, projectid = s.ProjectId, name = s.Name, type = s.Type, create_user = s.Authorship.CreateUser, create_time = s.Authorship.CreateTime,
            edit_user = s.Authorship.EditUser, edit_time = s.Authorship.EditTime, jobname = s.JobName,
        });

    private static async Task<IResult> Detail(string id, HttpContext context, IGrainFactory grains)
    {
        var (failure, _, script) = await Resource.FindAsync(id, context, grains);
        return failure ?? Reply.Ok(new
        {
            id = script!.Id, name = script.Name, type = script.Type, cont = script.Cont, create_user = script.Authorship.CreateUser,
            create_time = script.Authorship.CreateTime, edit_user = script.Authorship.EditUser, edit_time = script.Authorship.EditTime,
        });
    }

    /// <summary>`cont` is stored base64 as upstream and answered decoded.</summary>
    private static (ScriptDraft? Draft, string? Failure) DraftOf(RequestParams input)
    {
        var check = new Check(input).NoQuote("name", required: true).MaxLength("name", CatalogResource<ScriptDraft, Script>.MaxNameLength).RequiredIn("type", Types);
        return check.Failure is { } failure
            ? (null, failure)
            : (new ScriptDraft(input.Text("name")!, input.Text("type")!, input.Text("cont") ?? string.Empty), null);
    }
}
