using OpenC3.Api.Infrastructure;
using OpenC3.Grains.Abstractions.Catalog;
using OpenC3.Grains.Abstractions.Common;
using OpenC3.Grains.Abstractions.Tasks;

namespace OpenC3.Api.Job;

/// <summary>
/// Starts an ad-hoc plugin task (`/task/:treeid/plugin_cmd|plugin_scp`): one step, failing at its first
/// failed host (no decisions, unless a command asks for them), answered with upstream's `{slave, uuid, loguuid}`.
/// </summary>
public static class PluginTasks
{
    /// <summary>An optional `mutex` (upstream only takes one from crontabs): one unfinished task per node and name.</summary>
    public const string MutexPattern = "^[a-zA-Z0-9]*$";

    /// <summary>The optional `deployenv`, `action` and `batches` the quick-run pages send (`always`), checked against upstream's enumerations.</summary>
    public static Check Applicability(this Check check) =>
        check.OptionalIn("deployenv", StepValues.Deployenvs).OptionalIn("action", StepValues.Actions).OptionalIn("batches", StepValues.Batches);

    /// <summary>The step with the request's applicability (default `always`), which the run checks as upstream §7.4.</summary>
    public static T WithApplicability<T>(T step, RequestParams input)
        where T : JobStep =>
        step with
        {
            Deployenv = input.Text("deployenv") ?? StepValues.Always,
            Action = input.Text("action") ?? StepValues.Always,
            Batches = input.Text("batches") ?? StepValues.Always,
        };

    /// <param name="failFast">False when the caller asked a failed host to wait for a decision (`decide_on_fail`) instead.</param>
    public static async Task<IResult> StartAsync(HttpContext context, IGrainFactory grains, long treeId, StepDefinition step, RequestParams input, string auditTitle, bool failFast = true)
    {
        var caller = Caller.Required(context);
        var taskUuid = Uuid.New();
        var definition = new TaskDefinition(
            treeId, step.Name, caller.User, caller.IsApp ? "api" : "page", $"plugin_{step.Type}", step.Uuid, input.Text("mutex") ?? string.Empty,
            TaskApi.Variables(input), new Dictionary<string, string>(), [step], failFast);

        await AuditTrail.RecordAsync(grains, caller, auditTitle, $"TREEID:{treeId} NAME:{step.Name} TASK:{taskUuid}");
        var task = grains.GetGrain<ITaskGrain>(taskUuid);
        using (NewGrainHint.For(task.GetGrainId()))
        {
            await task.Start(definition);
        }

        var view = await task.Get();
        return Reply.Ok(new { slave = view?.Slave, uuid = taskUuid, loguuid = taskUuid + step.Uuid + step.Type });
    }
}
