using OpenC3.Api.Infrastructure;
using OpenC3.Grains.Abstractions.Catalog;

namespace OpenC3.Api.Job;

/// <summary>`/project`: whether the job module treats a tree node as active (inactive nodes' crontabs do not fire).</summary>
public static class ProjectApi
{
    public static RouteGroupBuilder MapProjectApi(this RouteGroupBuilder job)
    {
        job.MapGet("/project/{treeid}", Get).RequireProjectPoint(Points.JobRead);
        job.MapPost("/project/{treeid}", Set).RequireProjectPoint(Points.JobWrite);
        return job;
    }

    private static async Task<IResult> Get(HttpContext context, IGrainFactory grains)
    {
        var treeId = context.TreeId();
        var project = await grains.GetGrain<IProjectGrain>(0).Status(treeId);
        return project is null
            ? Reply.Ok(new { status = "active" })
            : Reply.Ok(new { id = project.Id, status = project.Status, edit_user = project.EditUser, edit_time = project.EditTime });
    }

    private static async Task<IResult> Set(HttpContext context, IGrainFactory grains)
    {
        var treeId = context.TreeId();
        var input = await RequestParams.ReadAsync(context.Request);
        if (new Check(input).RequiredIn("status", "active", "inactive").Failure is { } failure)
        {
            return Reply.Fail(failure);
        }

        var caller = Caller.Required(context);
        await AuditTrail.RecordAsync(grains, caller, "EDIT PROJECT STATUS", $"TREEID:{treeId} STATUS:{input.Text("status")}");
        await grains.GetGrain<IProjectGrain>(0).SetStatus(treeId, input.Text("status")!, caller.User);
        return Reply.Ok(1);
    }
}
