using System.Globalization;
using OpenC3.Grains.Abstractions.Tasks;

namespace OpenC3.Api.Job;

/// <summary>An approval step of a run in the subtask routes' `extended`, as upstream shows its plugin row.</summary>
public static class ApprovalStepWire
{
    /// <summary>`GET /subtask/:p/:taskuuid`: the step as the job defined it.</summary>
    public static object Extended(long id, StepDefinition step, ApprovalStepDefinition plan) => new
    {
        id, uuid = step.Uuid, name = step.Name, cont = plan.Cont, approver = plan.Approver, deployenv = StepWire.When(step).Deployenv, action = StepWire.When(step).Action,
        batches = StepWire.When(step).Batches, everyone = plan.Everyone ? "on" : "off",
    };

    /// <summary>`GET /subtask/:p/:taskuuid/:subtaskuuid`: upstream's short form, `approver` in place of `user`.</summary>
    public static object Summary(long id, StepDefinition step, ApprovalStepDefinition plan) => new
    {
        id, uuid = step.Uuid, name = step.Name, approver = plan.Approver, timeout = step.Timeout.ToString(CultureInfo.InvariantCulture), pause = step.Pause,
    };
}
