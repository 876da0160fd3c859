using OpenC3.Api.Infrastructure;

namespace OpenC3.Api.Job;

/// <summary>
/// `GET /task/:treeid/job/bymon`: upstream's monitor self-healing start ("ignore" in the official list). It starts only
/// jobs marked for the monitor module (`mon_status=1`, `mon_ids`), which this product does not have, so every job
/// answers as upstream does for a node without one, after the same format check.
/// </summary>
public static class JobByMonitorApi
{
    public static RouteGroupBuilder MapJobByMonitorApi(this RouteGroupBuilder job)
    {
        job.MapGet("/task/{treeid}/job/bymon", Start).RequirePoint(Points.JobWrite);
        return job;
    }

    private static async Task<IResult> Start(HttpRequest request)
    {
        var input = await RequestParams.ReadAsync(request);
        var check = new Check(input).NoQuote("jobname", required: true).NoQuote("endpoint", required: true)
            .NoQuote("tpl_id", required: true).NoQuote("exp_id", required: true);
        return Reply.Fail(check.Failure ?? "projectid, jobname nomatch");
    }
}
