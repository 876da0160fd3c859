using OpenC3.Grains.Abstractions.Catalog;
using OpenC3.Grains.Abstractions.Tasks;
using OpenC3.Grains.Approvals;

namespace OpenC3.Grains.Tasks;

/// <summary>
/// Snapshots a job into a task definition when it starts: steps with cited scripts and node groups
/// resolved, the job's variable defaults, and `_exit_` (fail fast).
/// </summary>
public static class JobTaskPlanner
{
    public sealed record Planned(TaskDefinition? Definition, string? Error);

    public static async Task<Planned> PlanAsync(IGrainFactory grains, long treeId, JobDefinition job, string user, string callType, IReadOnlyDictionary<string, string> variables)
    {
        var defaults = (await grains.GetGrain<IJobVariablesGrain>(0).List(treeId, job.Uuid, new VariableQuery(false, [], null)))
            .ToDictionary(v => v.Name, v => v.Value, StringComparer.Ordinal);
        var steps = new List<StepDefinition>();
        foreach (var step in job.Steps)
        {
            if (step is ApprovalStep approval)
            {
                steps.Add(ApprovalStepPlanner.Snapshot(approval));
                continue;
            }

            if (step is not CmdStep cmd)
            {
                return new Planned(null, $"step {step.Name}: {step.PluginType} steps cannot run yet (only cmd)");
            }

            var (hosts, nodeType, nodeError) = await NodesAsync(grains, treeId, cmd);
            if (nodeError is not null)
            {
                return new Planned(null, $"step {step.Name}: {nodeError}");
            }

            var (scriptType, script, scriptError) = await ScriptAsync(grains, treeId, cmd);
            if (scriptError is not null)
            {
                return new Planned(null, $"step {step.Name}: {scriptError}");
            }

            steps.Add(new StepDefinition(
                "cmd", cmd.Uuid, cmd.Name, cmd.User, nodeType, hosts, scriptType, script, cmd.ScriptsArgv,
                int.TryParse(cmd.Timeout, out var timeout) && timeout > 0 ? timeout : 60, cmd.Pause));
        }

        var exit = variables.GetValueOrDefault("_exit_") is { Length: > 0 } fromTask ? fromTask : defaults.GetValueOrDefault("_exit_", string.Empty);
        var failFast = exit is "1" or "true" or "cmd";
        return new Planned(new TaskDefinition(treeId, job.Name, user, callType, "jobs", job.Uuid, string.Empty, variables, defaults, steps, failFast), null);
    }

    private static async Task<(string Hosts, string NodeType, string? Error)> NodesAsync(IGrainFactory grains, long treeId, CmdStep cmd)
    {
        if (cmd.NodeType != "group")
        {
            return (cmd.NodeCont, cmd.NodeType, null);
        }

        var nodes = long.TryParse(cmd.NodeCont, out var groupId) ? await grains.GetGrain<INodeGroupsGrain>(0).Nodes(treeId, groupId) : null;
        return nodes is null ? (string.Empty, "builtin", $"node group {cmd.NodeCont} not found") : (string.Join(',', nodes), "builtin", null);
    }

    private static async Task<(string Type, string Script, string? Error)> ScriptAsync(IGrainFactory grains, long treeId, CmdStep cmd)
    {
        if (cmd.ScriptsType != "cite")
        {
            return (cmd.ScriptsType, cmd.ScriptsCont, null);
        }

        var scripts = grains.GetGrain<IScriptsGrain>(0);
        var script = long.TryParse(cmd.ScriptsCont, out var id) ? await scripts.Get(treeId, id) ?? await scripts.Get(0, id) : null;
        return script is null ? (string.Empty, string.Empty, $"cited script {cmd.ScriptsCont} not found") : (script.Type, script.Cont, null);
    }
}
