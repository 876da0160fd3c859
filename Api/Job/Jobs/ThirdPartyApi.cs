using OpenC3.Api.Infrastructure;
using OpenC3.Grains.Abstractions.Catalog;

namespace OpenC3.Api.Job;

/// <summary>`/third/option/*`: option lists for forms of other systems and of the web UI's token dialog.</summary>
public static class ThirdPartyApi
{
    public static RouteGroupBuilder MapThirdPartyApi(this RouteGroupBuilder job)
    {
        job.MapPost("/third/option/jobname", JobNames).LoginOnly("the node is in the body (`project_id`): the handler checks openc3_job_read on it");
        return job;
    }

    /// <summary>`file/token.controller.js` `getJObs`: `data` is the names of the node's saved jobs, oldest first.</summary>
    private static async Task<IResult> JobNames(HttpContext context, IGrainFactory grains)
    {
        var input = await RequestParams.ReadAsync(context.Request);
        if (new Check(input).Required("project_id", @"^\d+$").Failure is { } failure)
        {
            return Reply.Fail(failure);
        }

        if (TreeIds.TryParse(input.Text("project_id")!) is not { } treeId)
        {
            return Reply.Fail(TreeIds.FormatError("project_id"));
        }

        if (!await context.AllowsAsync(Points.JobRead, treeId))
        {
            return Reply.Unauthorized();
        }

        var jobs = await grains.GetGrain<IJobsGrain>(0).List(treeId, new CatalogFilter());
        return Reply.Ok(jobs.OrderBy(j => j.Id).Select(j => j.Name));
    }
}
