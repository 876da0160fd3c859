using OpenC3.Api.Infrastructure;
using OpenC3.Grains.Abstractions.Common;
using OpenC3.Grains.Abstractions.Tasks;

namespace OpenC3.Api.Job;

/// <summary>`POST /task/:treeid/plugin_*`: a task of one ad-hoc step, answered with `{slave, uuid, loguuid}` as upstream.</summary>
public static class PluginTaskStarter
{
    public static async Task<IResult> StartAsync(
        IGrainFactory grains, Caller caller, long treeId, string auditTitle, StepDefinition step, IReadOnlyDictionary<string, string> variables, bool failFast)
    {
        var taskUuid = Uuid.New();
        var definition = new TaskDefinition(
            treeId, step.Name, caller.User, caller.IsApp ? "api" : "page", $"plugin_{step.Type}", step.Uuid, string.Empty,
            variables, new Dictionary<string, string>(), [step], failFast);

        await AuditTrail.RecordAsync(grains, caller, auditTitle, $"TREEID:{treeId} NAME:{step.Name} TASK:{taskUuid}");
        var task = grains.GetGrain<ITaskGrain>(taskUuid);
        await task.Start(definition);
        var view = await task.Get();
        return Reply.Ok(new { slave = view?.Slave, uuid = taskUuid, loguuid = taskUuid + step.Uuid + step.Type });
    }
}
