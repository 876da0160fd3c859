using OpenC3.Api.Infrastructure;
using OpenC3.Grains.Abstractions.Catalog;
using OpenC3.Grains.Abstractions.Common;
using OpenC3.Grains.Abstractions.Tasks;

namespace OpenC3.Api.Job;

/// <summary>
/// `POST /task/:treeid/plugin_cmd`: one cmd step on listed hosts (`builtin`, spec `buildin`) or a node group of the
/// node (`group`), with an inline script or a cited one (`cite`: `scripts_cont` is the script id), as a one-step task
/// failing at its first failed host (jobtype `plugin_cmd`, log id suffix `cmd`). Validated as upstream's `task.pm`.
/// `decide_on_fail: 1` (ours) puts a step with failed hosts in `decision` instead, like a job's step, so they can be retried.
/// </summary>
public static class CmdPluginApi
{
    public static RouteGroupBuilder MapCmdPluginApi(this RouteGroupBuilder job)
    {
        job.MapPost("/task/{treeid}/plugin_cmd", StartCommand).RequirePoint(Points.JobWrite);
        return job;
    }

    private static async Task<IResult> StartCommand(HttpContext context, IGrainFactory grains)
    {
        var treeId = context.TreeId();
        var input = StepValidator.Canonical(await RequestParams.ReadAsync(context.Request), "node_type", "buildin", StepValues.Builtin);
        var group = input.Text("node_type") == StepValues.Group;
        var cited = input.Text("scripts_type") == StepValues.Cite;
        var check = new Check(input)
            .NoQuote("name", required: true)
            .MaxLength("name", 100)
            .Required("user", StepValidator.PluginUserPattern)
            .RequiredIn("node_type", StepValues.Builtin, StepValues.Group)
            .RequiredIn("scripts_type", StepValues.ScriptTypes)
            .Optional("timeout", StepValidator.DigitsPattern)
            .Required("node_cont", group ? StepValidator.DigitsPattern : StepValidator.HostsPattern)
            .Required("scripts_cont", cited ? StepValidator.DigitsPattern : StepValidator.ScriptPattern)
            .Optional("scripts_argv", StepValidator.PluginArgvPattern)
            .Applicability()
            .Optional("mutex", PluginTasks.MutexPattern)
            .OptionalIn("decide_on_fail", "0", "1")
            .OptionalMap("variable");
        var references = new GrainStepReferences(grains, treeId);
        var failure = check.Failure
            ?? (group ? await StepValidator.ReferenceAsync(check, input, "node_cont", "nodegroup", references.NodeGroupExists) : null)
            ?? (cited ? await StepValidator.ReferenceAsync(check, input, "scripts_cont", "scripts", references.ScriptExists) : null);
        if (failure is not null)
        {
            return Reply.Fail(failure);
        }

        var command = PluginTasks.WithApplicability(StepValidator.CmdOf(input) with { Uuid = Uuid.New(), Name = input.Text("name")!, Timeout = input.Text("timeout") ?? string.Empty }, input);
        var planned = await grains.GetGrain<IJobStartGrain>(0).Snapshot(treeId, command);
        return planned.Step is null
            ? Reply.Fail(planned.Error!)
            : await PluginTasks.StartAsync(context, grains, treeId, planned.Step, input, "RUN PLUGIN CMD", failFast: input.Text("decide_on_fail") != "1");
    }
}
