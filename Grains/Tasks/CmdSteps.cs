using OpenC3.Grains.Abstractions.Catalog;
using OpenC3.Grains.Abstractions.Tasks;
using OpenC3.Grains.Execution;

namespace OpenC3.Grains.Tasks;

/// <summary>
/// cmd steps: <see cref="SnapshotAsync"/> when the task is created (as the run keeps the step), <see cref="Plan"/>
/// when the step starts (what its subtask runs).
/// </summary>
public static class CmdSteps
{
    /// <summary>A cmd step as a run keeps it: its node group resolved into hosts and a cited script into its type and text.</summary>
    public static async Task<StepSnapshot> SnapshotAsync(IGrainFactory grains, long treeId, CmdStep cmd)
    {
        var (hosts, nodeType, nodeError) = await TaskSnapshot.NodesAsync(grains, treeId, cmd.NodeType, cmd.NodeCont);
        if (nodeError is not null)
        {
            return new StepSnapshot(null, nodeError);
        }

        var (scriptType, script, scriptError) = await ScriptAsync(grains, treeId, cmd);
        if (scriptError is not null)
        {
            return new StepSnapshot(null, scriptError);
        }

        var step = new StepDefinition
        {
            Type = StepValues.Cmd, Uuid = cmd.Uuid, Name = cmd.Name, User = cmd.User, NodeType = nodeType, NodeCont = hosts,
            ScriptsType = scriptType, ScriptsCont = script, ScriptsArgv = cmd.ScriptsArgv, Timeout = TaskSnapshot.Timeout(cmd.Timeout), Pause = cmd.Pause, When = StepApplicability.Of(cmd),
        };
        return new StepSnapshot(step, null);
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

    /// <summary>
    /// What the step's subtask runs: hosts from the node list (variables substituted), the script command with the
    /// argv's values out of band and `wk_*` environment, or why the step cannot run (`variable undef:…`).
    /// </summary>
    public static StepPlan Plan(string taskUuid, int index, TaskDefinition task, string sshLogin)
    {
        var step = task.Steps[index];
        var nodes = StepPlans.Nodes(step, task);
        var argv = ArgvSubstitution.Apply(step.ScriptsArgv, task.Variables, task.JobDefaults);
        var undefined = nodes.Error ?? argv.Error;
        if (undefined is not null)
        {
            return new StepPlan(null, undefined);
        }

        var environment = WorkVariables(task, out var missing);
        if (missing.Count > 0)
        {
            return new StepPlan(null, $"variable wk undef:{string.Join(',', missing)}");
        }

        environment["wk_treeid"] = task.ProjectId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var hosts = StepPlans.Hosts(nodes.Text);
        var tag = ScriptCommand.Tag(taskUuid, step.Uuid);
        if (!ScriptCommand.Interpreters.ContainsKey(step.ScriptsType))
        {
            return new StepPlan(null, $"script type {step.ScriptsType} cannot run on hosts");
        }

        try
        {
            return Planned(taskUuid, index, task, step, hosts, argv, environment, sshLogin, tag);
        }
        catch (ArgumentException error)
        {
            return new StepPlan(null, error.Message);
        }
    }

    private static StepPlan Planned(string taskUuid, int index, TaskDefinition task, StepDefinition step, List<string> hosts, ArgvSubstitution.Outcome argv, Dictionary<string, string> environment, string sshLogin, string tag)
    {
        var run = ScriptCommand.Build(step.ScriptsType, step.ScriptsCont, argv.Text, argv.Values, environment, step.User, sshLogin, tag);
        return new(
            new SubtaskStart(
                taskUuid,
                index,
                task.ProjectId,
                step,
                hosts,
                Rejection: null,
                run.CommandText,
                run.Stdin,
                task.FailFast),
            null);
    }

    /// <summary>`wk_*` variables are exported to scripts: the task's value wins over the job default; an empty one is an error.</summary>
    private static Dictionary<string, string> WorkVariables(TaskDefinition task, out List<string> missing)
    {
        var names = task.JobDefaults.Keys.Concat(task.Variables.Keys).Where(n => n.StartsWith("wk_", StringComparison.Ordinal)).Distinct(StringComparer.Ordinal);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        missing = [];
        foreach (var name in names)
        {
            var value = task.Variables.TryGetValue(name, out var fromTask) && fromTask.Length > 0 ? fromTask : task.JobDefaults.GetValueOrDefault(name, string.Empty);
            if (value.Length == 0)
            {
                missing.Add(name);
            }
            else
            {
                values[name] = value;
            }
        }

        return values;
    }
}
