using System.Text.RegularExpressions;
using OpenC3.Grains.Abstractions.Catalog;
using OpenC3.Grains.Abstractions.Connector;
using OpenC3.Grains.Abstractions.Environment;
using OpenC3.Grains.Abstractions.Tasks;
using OpenC3.Grains.Execution;
using OpenC3.Grains.Tasks;

namespace OpenC3.Grains.Approvals;

/// <summary>
/// Approval steps: <see cref="Snapshot"/> when the task is created, and <see cref="PlanAsync"/> when the step
/// starts (approvers with variables substituted, content from its template as upstream §7.8).
/// </summary>
public static partial class ApprovalSteps
{
    /// <summary>Upstream's default timeout of an approval step in a job: a day.</summary>
    public const int DefaultTimeout = 86400;

    public const string DefaultTemplate = "defaultTemplate";
    public const string TemplateKey = "approvalTemplatePluginContent";

    public static StepSnapshot Snapshot(ApprovalStep step) =>
        new(new StepDefinition
        {
            Type = StepValues.Approval, Uuid = step.Uuid, Name = step.Name,
            Timeout = int.TryParse(step.Timeout, out var timeout) && timeout > 0 ? timeout : DefaultTimeout, Pause = step.Pause,
            Approval = new ApprovalStepDefinition(step.Cont, step.Approver, step.Everyone == "on", step.Relaxed), When = StepApplicability.Of(step),
        }, Error: null);

    /// <summary>What the step's subtask opens its batch with, or why it cannot (`variable undef:…`, a bad approver).</summary>
    public static async Task<StepPlan> PlanAsync(IGrainFactory grains, string taskUuid, int index, TaskDefinition task)
    {
        var step = task.Steps[index];
        var approval = step.Approval!;
        var substituted = VariableSubstitution.Apply(approval.Approver, task.Variables, task.JobDefaults);
        if (substituted.Error is not null)
        {
            return new StepPlan(null, substituted.Error);
        }

        var approvers = substituted.Text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal).ToList();
        if (approvers.FirstOrDefault(a => !Approver().IsMatch(a)) is { } bad)
        {
            return new StepPlan(null, $"approver format error: {bad}");
        }

        var template = approval.Cont == DefaultTemplate
            ? (await grains.GetGrain<IEnvironmentGrain>(0).GetAll()).GetValueOrDefault(TemplateKey, string.Empty)
            : approval.Cont;
        var cont = ApprovalTemplate.Render(template, await TemplateValuesAsync(grains, task, step));
        var rendered = step with { Approval = approval with { Cont = cont, Approver = string.Join(',', approvers), Submitter = task.User } };
        return new StepPlan(new SubtaskStart(taskUuid, index, task.ProjectId, rendered, [], null, string.Empty, string.Empty, FailFast: false), null);
    }

    /// <summary>
    /// The names a template may use: the run's variables (its value, else the job's non-empty default),
    /// then upstream's fixed names. CI names (flowname, tagtime, tagger, taginfo) have no value here.
    /// </summary>
    private static async Task<IReadOnlyDictionary<string, string?>> TemplateValuesAsync(IGrainFactory grains, TaskDefinition task, StepDefinition step)
    {
        var values = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var name in task.JobDefaults.Keys.Concat(task.Variables.Keys))
        {
            values[name] = Value(task, name);
        }

        var rollbackVersion = Value(task, "_rollbackVersion_");
        values["jobname"] = task.Name;
        values["stepname"] = step.Name;
        values["submitter"] = task.User;
        values["treename"] = (await grains.GetGrain<ITreeGrain>(0).List()).FirstOrDefault(n => n.Id == task.ProjectId)?.Name;
        values["deploy_env"] = Value(task, "_jobtype_");
        values["rollback_version"] = rollbackVersion;
        values["rollback"] = rollbackVersion is null ? string.Empty : $"rollback to version {rollbackVersion}";
        foreach (var ci in new[] { "flowname", "tagtime", "tagger", "taginfo" })
        {
            values[ci] = null;
        }

        return values;
    }

    private static string? Value(TaskDefinition task, string name) =>
        task.Variables.GetValueOrDefault(name) is { Length: > 0 } fromTask ? fromTask
        : task.JobDefaults.GetValueOrDefault(name) is { Length: > 0 } fromJob ? fromJob
        : null;

    /// <summary>A user name as the address book and the row's `user` column take it.</summary>
    [GeneratedRegex("^[A-Za-z0-9@_.%:-]{1,100}$")]
    private static partial Regex Approver();
}
