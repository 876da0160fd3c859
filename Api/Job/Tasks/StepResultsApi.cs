using OpenC3.Api.Infrastructure;
using OpenC3.Grains.Abstractions.Tasks;

namespace OpenC3.Api.Job;

/// <summary>
/// A step's results for the console: its hosts grouped by outcome (`/groups`, searchable, with an ETag), and one
/// host's output on demand (`/output/:host`), so a page of a 500-host run never loads every output at once.
/// </summary>
public static class StepResultsApi
{
    private const int MaxSearchLength = 200;

    public static RouteGroupBuilder MapStepResultsApi(this RouteGroupBuilder job)
    {
        job.MapGet("/subtask/{treeid}/{taskuuid}/{subtaskuuid}/groups", ResultGroups).RequirePoint(Points.JobRead);
        job.MapGet("/subtask/{treeid}/{taskuuid}/{subtaskuuid}/output/{host}", HostOutput).RequirePoint(Points.JobRead);
        return job;
    }

    private static async Task<IResult> ResultGroups(string taskuuid, string subtaskuuid, HttpContext context, IGrainFactory grains)
    {
        var input = await RequestParams.ReadAsync(context.Request);
        if (new Check(input).MaxLength("q", MaxSearchLength).Failure is { } failure)
        {
            return Reply.Fail(failure);
        }

        if (!await IsStepOfNodeAsync(grains, context.TreeId(), taskuuid, subtaskuuid))
        {
            return Reply.Fail("nofind");
        }

        var search = input.Text("q") is { Length: > 0 } q ? q : null;
        var results = await Step(grains, taskuuid, subtaskuuid).Results(search) ?? new StepResults(null, 0, new HostCounts(0, 0, 0, 0), []);
        return TaggedReply.Ok(context, new
        {
            status = results.Status,
            total = results.Total,
            counts = new { success = results.Counts.Success, fail = results.Counts.Fail, running = results.Counts.Running, pending = results.Counts.Pending },
            groups = results.Groups.Select(g => new
            {
                key = g.Key, status = g.Status, exitcode = g.ExitCode, reason = g.Reason, count = g.Hosts.Count, hosts = g.Hosts, sample = g.Sample, cut = g.Cut,
            }),
        });
    }

    private static async Task<IResult> HostOutput(string taskuuid, string subtaskuuid, string host, HttpContext context, IGrainFactory grains)
    {
        var output = await IsStepOfNodeAsync(grains, context.TreeId(), taskuuid, subtaskuuid) ? await Step(grains, taskuuid, subtaskuuid).Output(host) : null;
        return output is null
            ? Reply.Fail("nofind")
            : Reply.Ok(new { host = output.Host, status = output.Status, exitcode = output.ExitCode, reason = output.Reason, output = output.Output, cut = output.Cut });
    }

    private static ISubtaskGrain Step(IGrainFactory grains, string taskUuid, string stepUuid) => grains.GetGrain<ISubtaskGrain>($"{taskUuid}:{stepUuid}");

    /// <summary>Only a task of this tree node, and only one of its steps: the key alone would reach any node's run.</summary>
    private static async Task<bool> IsStepOfNodeAsync(IGrainFactory grains, long treeId, string taskUuid, string stepUuid) =>
        await grains.GetGrain<ITaskQueryGrain>(0).Find(treeId, taskUuid) is not null
        && (await grains.GetGrain<ITaskGrain>(taskUuid).Steps()).Any(s => s.Uuid == stepUuid);
}
