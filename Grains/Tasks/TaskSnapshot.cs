using OpenC3.Grains.Abstractions.Catalog;
using OpenC3.Grains.Abstractions.Tasks;
using OpenC3.Grains.Approvals;

namespace OpenC3.Grains.Tasks;

/// <summary>
/// Snapshots a job into a task definition when it starts: each step by its kind (<see cref="CmdSteps"/>,
/// <see cref="ScpSteps"/>, <see cref="ApprovalSteps"/>), the job's variable defaults, and `_exit_` (fail fast).
/// </summary>
public static class TaskSnapshot
{
    public sealed record Snapshotted(TaskDefinition? Definition, string? Error);

    /// <param name="defaults">The job's variables as stored (their values are the defaults of the run).</param>
    public static async Task<Snapshotted> SnapshotAsync(IGrainFactory grains, JobStartRequest request, JobDefinition job, IReadOnlyList<JobVariable> defaults)
    {
        var treeId = request.TreeId;
        var steps = new List<StepDefinition>();
        foreach (var step in job.Steps)
        {
            var snapshot = await SnapshotStepAsync(grains, treeId, step);
            if (snapshot.Step is null)
            {
                return new Snapshotted(null, $"step {step.Name}: {snapshot.Error}");
            }

            steps.Add(snapshot.Step);
        }

        var values = defaults.ToDictionary(v => v.Name, v => v.Value, StringComparer.Ordinal);
        var failFast = FailFastRule.Applies(StepValues.Cmd, request.Variables, values);
        return new Snapshotted(new TaskDefinition(treeId, job.Name, request.User, request.CallType, "jobs", job.Uuid, request.Mutex, request.Variables, values, steps, failFast), null);
    }

    /// <summary>One step as a run keeps it, or why it cannot run.</summary>
    public static async Task<StepSnapshot> SnapshotStepAsync(IGrainFactory grains, long treeId, JobStep step) => step switch
    {
        CmdStep cmd => await CmdSteps.SnapshotAsync(grains, treeId, cmd),
        ScpStep scp => await ScpSteps.SnapshotAsync(grains, treeId, scp),
        ApprovalStep approval => ApprovalSteps.Snapshot(approval),
        _ => new StepSnapshot(null, $"{step.PluginType} steps cannot run"),
    };

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
}
