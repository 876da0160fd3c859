using OpenC3.Api.Infrastructure;
using OpenC3.Grains.Abstractions.Catalog;

namespace OpenC3.Api.Job;

/// <summary>`/project`: whether the job module treats a tree node as active (inactive nodes' crontabs do not fire).</summary>
public static class ProjectApi
{
    public static RouteGroupBuilder MapProjectApi(this RouteGroupBuilder job)
    {
        job.MapGet("/project/{treeid}", Get);
        job.MapPost("/project/{treeid}", Set);
        return job;
    }

    private static async Task<IResult> Get(string treeid, HttpContext context, IGrainFactory grains)
    {
        var access = await context.GuardAsync(treeid, Points.JobRead);
        if (!access.Allowed)
        {
            return access.Denied!;
        }

        var project = await grains.GetGrain<IProjectGrain>(0).Status(access.TreeId);
        return project is null
            ? Reply.Ok(new { status = "active" })
            : Reply.Ok(new { id = project.Id, status = project.Status, edit_user = project.EditUser, edit_time = project.EditTime });
    }

    private static async Task<IResult> Set(string treeid, HttpContext context, IGrainFactory grains)
    {
        var access = await context.GuardAsync(treeid, Points.JobWrite);
        if (!access.Allowed)
        {
            return access.Denied!;
        }

        var input = await RequestParams.ReadAsync(context.Request);
        if (new Check(input).RequiredIn("status", "active", "inactive").Failure is { } failure)
        {
            return Reply.Fail(failure);
        }

        var caller = Caller.Required(context);
        await AuditTrail.RecordAsync(grains, caller, "EDIT PROJECT STATUS", $"TREEID:{access.TreeId} STATUS:{input.Text("status")}");
        await grains.GetGrain<IProjectGrain>(0).SetStatus(access.TreeId, input.Text("status")!, caller.User);
        return Reply.Ok(1);
    }
}
