using OpenC3.Grains.Abstractions.Tasks;
using OpenC3.Grains.Execution;

namespace OpenC3.Grains.Tasks;

/// <summary>
/// Turns a step of a task into what its subtask runs: hosts from the node list (variables
/// substituted), and for cmd the script command with the argv's values out of band and `wk_*` environment (scp:
/// <see cref="ScpStepPlanner"/>), or the reason the step cannot run (`variable undef:…`).
/// </summary>
public static class StepPlanner
{
    public sealed record Plan(SubtaskStart? Start, string? Error);

    public static Plan Build(string taskUuid, int index, TaskDefinition task, string sshLogin) => task.Steps[index].Type switch
    {
        "scp" => ScpStepPlanner.Build(taskUuid, index, task),
        _ => Command(taskUuid, index, task, sshLogin),
    };

    /// <summary>The step's node list with variables substituted (only for node type `variable`, as upstream).</summary>
    public static VariableSubstitution.Outcome Nodes(StepDefinition step, TaskDefinition task) =>
        step.NodeType == "variable"
            ? VariableSubstitution.Apply(step.NodeCont, task.Variables, task.JobDefaults)
            : new VariableSubstitution.Outcome(step.NodeCont, []);

    /// <summary>A host list (CSV) as distinct host names.</summary>
    public static List<string> Hosts(string csv) =>
        csv.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal).ToList();

    private static Plan Command(string taskUuid, int index, TaskDefinition task, string sshLogin)
    {
        var step = task.Steps[index];
        var nodes = Nodes(step, task);
        var argv = ArgvSubstitution.Apply(step.ScriptsArgv, task.Variables, task.JobDefaults);
        var undefined = nodes.Error ?? argv.Error;
        if (undefined is not null)
        {
            return new Plan(null, undefined);
        }

        var environment = WorkVariables(task, out var missing);
        if (missing.Count > 0)
        {
            return new Plan(null, $"variable wk undef:{string.Join(',', missing)}");
        }

        environment["wk_treeid"] = task.ProjectId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var hosts = Hosts(nodes.Text);
        var tag = ScriptCommand.Tag(taskUuid, step.Uuid);
        if (!ScriptCommand.Interpreters.ContainsKey(step.ScriptsType))
        {
            return new Plan(null, $"script type {step.ScriptsType} cannot run on hosts");
        }

        try
        {
            return Planned(taskUuid, index, task, step, hosts, argv, environment, sshLogin, tag);
        }
        catch (ArgumentException error)
        {
            return new Plan(null, error.Message);
        }
    }

    private static Plan Planned(string taskUuid, int index, TaskDefinition task, StepDefinition step, List<string> hosts, ArgvSubstitution.Outcome argv, Dictionary<string, string> environment, string sshLogin, string tag)
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
