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

    /// <param name="defaults">The job's variables as stored (their values are the defaults of the run).</param>
    public static async Task<Planned> PlanAsync(IGrainFactory grains, JobStartRequest request, JobDefinition job, IReadOnlyList<JobVariable> defaults)
    {
        var treeId = request.TreeId;
        var steps = new List<StepDefinition>();
        foreach (var step in job.Steps)
        {
            var planned = await StepAsync(grains, treeId, step);
            if (planned.Step is null)
            {
                return new Planned(null, $"step {step.Name}: {planned.Error}");
            }

            steps.Add(planned.Step);
        }

        var values = defaults.ToDictionary(v => v.Name, v => v.Value, StringComparer.Ordinal);
        var failFast = FailFastRule.Applies(StepValues.Cmd, request.Variables, values);
        return new Planned(new TaskDefinition(treeId, job.Name, request.User, request.CallType, "jobs", job.Uuid, request.Mutex, request.Variables, values, steps, failFast), null);
    }

    /// <summary>One step as a run keeps it, or why it cannot run.</summary>
    public static async Task<StepSnapshot> StepAsync(IGrainFactory grains, long treeId, JobStep step)
    {
        (StepDefinition? Step, string? Error) planned = step switch
        {
            CmdStep cmd => await CmdAsync(grains, treeId, cmd),
            ScpStep scp => await ScpStepSnapshot.PlanAsync(grains, treeId, scp),
            ApprovalStep approval => (ApprovalStepPlanner.Snapshot(approval), null),
            _ => (null, $"{step.PluginType} steps cannot run"),
        };
        return new StepSnapshot(planned.Step, planned.Error);
    }

    /// <summary>A step's hosts: `group` resolved into the group's hosts (then `builtin`), other node types as they are.</summary>
    public static async Task<(string Hosts, string NodeType, string? Error)> NodesAsync(IGrainFactory grains, long treeId, string nodeType, string nodeCont)
    {
        if (nodeType != StepValues.Group)
        {
            return (nodeCont, nodeType, null);
        }

        var nodes = long.TryParse(nodeCont, out var groupId) ? await grains.GetGrain<INodeGroupsGrain>(0).Nodes(treeId, groupId) : null;
        return nodes is null ? (string.Empty, StepValues.Builtin, $"node group {nodeCont} not found") : (string.Join(',', nodes), StepValues.Builtin, null);
    }

    /// <summary>Upstream's step timeout: the step's digits, else 60 seconds.</summary>
    public static int Timeout(string timeout) => int.TryParse(timeout, out var seconds) && seconds > 0 ? seconds : 60;

    /// <summary>A cmd step as a run keeps it: its node group resolved into hosts and a cited script into its type and text.</summary>
    private static async Task<(StepDefinition? Step, string? Error)> CmdAsync(IGrainFactory grains, long treeId, CmdStep cmd)
    {
        var (hosts, nodeType, nodeError) = await NodesAsync(grains, treeId, cmd.NodeType, cmd.NodeCont);
        if (nodeError is not null)
        {
            return (null, nodeError);
        }

        var (scriptType, script, scriptError) = await ScriptAsync(grains, treeId, cmd);
        if (scriptError is not null)
        {
            return (null, scriptError);
        }

        var step = new StepDefinition
        {
            Type = StepValues.Cmd, Uuid = cmd.Uuid, Name = cmd.Name, User = cmd.User, NodeType = nodeType, NodeCont = hosts,
            ScriptsType = scriptType, ScriptsCont = script, ScriptsArgv = cmd.ScriptsArgv, Timeout = Timeout(cmd.Timeout), Pause = cmd.Pause, When = StepApplicability.Of(cmd),
        };
        return (step, null);
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
