using OpenC3.Grains.Abstractions.Tasks;
using OpenC3.Grains.Execution;

namespace OpenC3.Grains.Tasks;

/// <summary>
/// Plans a host step of a task when it starts (<see cref="CmdSteps.Plan"/>, <see cref="ScpSteps.Plan"/>), with
/// the rules both kinds share: the node list with variables substituted, and a host list as host names.
/// </summary>
public static class StepPlans
{
    public static StepPlan Plan(string taskUuid, int index, TaskDefinition task, string sshLogin) => task.Steps[index].Type switch
    {
        "scp" => ScpSteps.Plan(taskUuid, index, task),
        _ => CmdSteps.Plan(taskUuid, index, task, sshLogin),
    };

    /// <summary>The step's node list with variables substituted (only for node type `variable`, as upstream).</summary>
    public static VariableSubstitution.Outcome Nodes(StepDefinition step, TaskDefinition task) =>
        step.NodeType == "variable"
            ? VariableSubstitution.Apply(step.NodeCont, task.Variables, task.JobDefaults)
            : new VariableSubstitution.Outcome(step.NodeCont, []);

    /// <summary>A host list (CSV) as distinct host names.</summary>
    public static List<string> Hosts(string csv) =>
        csv.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal).ToList();
}
