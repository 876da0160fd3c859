using OpenC3.Api.Infrastructure;
using OpenC3.Grains.Abstractions.Tasks;
using OpenC3.Grains.Execution;

namespace OpenC3.Api.Job;

/// <summary>`/subtask/:treeid`: a task's steps, and decisions on a step waiting for one.</summary>
public static class SubtaskApi
{
    private static readonly string[] Decisions = ["next", "fail", "running", "ignore"];

    public static RouteGroupBuilder MapSubtaskApi(this RouteGroupBuilder job)
    {
        job.MapGet("/subtask/{treeid}/{taskuuid}", ListSteps).RequirePoint(Points.JobRead);
        job.MapGet("/subtask/{treeid}/{taskuuid}/{subtaskuuid}", GetStep).RequirePoint(Points.JobRead);
        // Upstream: PUT (next, running) needs the control point; POST needs write, or control for a delegated job's run.
        job.MapPost("/subtask/{treeid}", (HttpContext context, IGrainFactory grains) => ControlAsync(context, grains, Decisions)).RequirePoint(Points.JobControl);
        job.MapPut("/subtask/{treeid}", (HttpContext context, IGrainFactory grains) => ControlAsync(context, grains, ["next", "running"])).RequirePoint(Points.JobControl);
        return job;
    }

    private static async Task<IResult> ListSteps(string taskuuid, HttpContext context, IGrainFactory grains)
    {
        var treeId = context.TreeId();
        if (await grains.GetGrain<ITaskQueryGrain>(0).Find(treeId, taskuuid) is null)
        {
            return TaggedReply.Ok(context, Array.Empty<object>());
        }

        var steps = (await grains.GetGrain<ITaskGrain>(taskuuid).Steps()).ToDictionary(s => s.Uuid);
        var rows = await grains.GetGrain<ITaskQueryGrain>(0).Subtasks(taskuuid);
        return TaggedReply.Ok(context, rows.Select(row => new
        {
            id = row.Id, subtask_type = row.SubtaskType, uuid = row.Uuid, nodecount = row.NodeCount, starttime = row.StartTime,
            finishtime = row.FinishTime, runtime = row.Runtime, status = row.Status, pause = row.Pause,
            extended = !steps.TryGetValue(row.Uuid, out var step) ? null : step.Approval is { } approval ? ApprovalStepWire.Extended(row.Id, step, approval) : Extended(row.Id, step),
        }));
    }

    private static async Task<IResult> GetStep(string taskuuid, string subtaskuuid, HttpContext context, IGrainFactory grains)
    {
        var treeId = context.TreeId();
        var row = (await grains.GetGrain<ITaskQueryGrain>(0).Find(treeId, taskuuid)) is null
            ? null
            : (await grains.GetGrain<ITaskQueryGrain>(0).Subtasks(taskuuid)).FirstOrDefault(r => r.Uuid == subtaskuuid);
        if (row is null)
        {
            return Reply.Fail("nofind");
        }

        var step = (await grains.GetGrain<ITaskGrain>(taskuuid).Steps()).First(s => s.Uuid == subtaskuuid);
        var hosts = await grains.GetGrain<ISubtaskGrain>($"{taskuuid}:{subtaskuuid}").Get();
        return TaggedReply.Ok(context, new
        {
            id = row.Id, subtask_type = row.SubtaskType, uuid = row.Uuid, nodecount = row.NodeCount, starttime = row.StartTime,
            finishtime = row.FinishTime, runtime = row.Runtime, status = row.Status, pause = row.Pause,
            extended = step.Approval is { } approval
                ? ApprovalStepWire.Summary(row.Id, step, approval)
                : new { id = row.Id, uuid = step.Uuid, name = step.Name, user = step.User, timeout = step.Timeout.ToString(System.Globalization.CultureInfo.InvariantCulture), pause = step.Pause },
            hosts = hosts?.Hosts.Select(h => new { node = h.Host, status = h.Status, exitcode = h.ExitCode, reason = h.Reason }),
        });
    }

    private static async Task<IResult> ControlAsync(HttpContext context, IGrainFactory grains, string[] allowed)
    {
        var treeId = context.TreeId();
        var input = await RequestParams.ReadAsync(context.Request);
        var failure = new Check(input)
            .Required("taskuuid", "^[a-zA-Z0-9]+$")
            .Required("subtaskuuid", "^[a-zA-Z0-9]+$")
            .Required("subtasktype", "^[a-zA-Z0-9]+$")
            .RequiredIn("control", allowed)
            .Failure;
        if (failure is not null)
        {
            return Reply.Fail(failure);
        }

        var taskUuid = input.Text("taskuuid")!;
        var stepUuid = input.Text("subtaskuuid")!;
        var control = input.Text("control")!;
        var chosen = ChosenHosts.Read(input, control);
        if (chosen.Failure is { } malformed)
        {
            return Reply.Fail(malformed);
        }

        if (context.Request.Method == HttpMethods.Post && !await AllowsDecisionAsync(context, grains, treeId, taskUuid))
        {
            return Reply.Unauthorized();
        }

        // Upstream's update matches the row by task, step and type: any other type changes nothing.
        if (await grains.GetGrain<ITaskQueryGrain>(0).Find(treeId, taskUuid) is null
            || !(await grains.GetGrain<ITaskGrain>(taskUuid).Steps()).Any(s => s.Uuid == stepUuid && s.Type == input.Text("subtasktype")))
        {
            return Reply.Fail("no update anything:0E0");
        }

        var caller = Caller.Required(context);
        if (chosen.Hosts is { } hosts)
        {
            return await RetryHostsAsync(grains, caller, treeId, taskUuid, stepUuid, hosts);
        }

        await AuditTrail.RecordAsync(grains, caller, "CONTROL SUBTASK", $"TREEID:{treeId} TASK:{taskUuid} SUBTASK:{stepUuid} CONTROL:{control}");
        var changed = control == "next"
            ? await grains.GetGrain<ITaskGrain>(taskUuid).Next(stepUuid)
            : await grains.GetGrain<ISubtaskGrain>($"{taskUuid}:{stepUuid}").Decide(control, caller.User);
        return changed ? Reply.Ok(1) : Reply.Fail("no update anything:0E0");
    }

    /// <summary>`running` for chosen hosts: each must be a failed or incomplete host of the step; audited with their names, folded as the result block folds them.</summary>
    private static async Task<IResult> RetryHostsAsync(IGrainFactory grains, Caller caller, long treeId, string taskUuid, string stepUuid, IReadOnlyList<string> hosts)
    {
        var step = grains.GetGrain<ISubtaskGrain>($"{taskUuid}:{stepUuid}");
        await AuditTrail.RecordAsync(grains, caller, "CONTROL SUBTASK", $"TREEID:{treeId} TASK:{taskUuid} SUBTASK:{stepUuid} CONTROL:running HOSTS:{NodeRange.Format(hosts)}");
        var retry = await step.RetryHosts(hosts, caller.User);
        return retry switch
        {
            { Started: true } => Reply.Ok(1),
            { NotFailedHost: { } host } => Reply.Fail($"host {host} is not a failed host of this step"),
            _ => Reply.Fail("no update anything:0E0"),
        };
    }

    private static async Task<bool> AllowsDecisionAsync(HttpContext context, IGrainFactory grains, long treeId, string taskUuid)
    {
        var delegated = await grains.GetGrain<ITaskGrain>(taskUuid).Definition() is { JobType: "jobs" } run
            && await DelegatedJobs.IsDelegatedAsync(grains, treeId, run.JobUuid);
        return await context.AllowsAsync(delegated ? Points.JobControl : Points.JobWrite, treeId);
    }

    private static object Extended(long id, StepDefinition step) => step.Scp is { } scp
        ? new
        {
            id, uuid = step.Uuid, name = step.Name, user = step.User, timeout = step.Timeout.ToString(System.Globalization.CultureInfo.InvariantCulture),
            pause = step.Pause, src_type = scp.SrcType, src = scp.Src, sp = scp.Sp, dst_type = step.NodeType, dst = step.NodeCont, dp = scp.Dp,
            chown = scp.Chown, chmod = scp.Chmod, deployenv = StepWire.When(step).Deployenv, action = StepWire.When(step).Action, batches = StepWire.When(step).Batches,
        }
        : new
        {
            id, uuid = step.Uuid, name = step.Name, user = step.User, timeout = step.Timeout.ToString(System.Globalization.CultureInfo.InvariantCulture),
            pause = step.Pause, node_type = step.NodeType, node_cont = step.NodeCont, scripts_type = step.ScriptsType,
            scripts_cont = step.ScriptsCont, scripts_argv = step.ScriptsArgv, deployenv = StepWire.When(step).Deployenv, action = StepWire.When(step).Action, batches = StepWire.When(step).Batches,
        };
}
