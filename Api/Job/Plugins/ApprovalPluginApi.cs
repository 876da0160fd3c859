using OpenC3.Api.Infrastructure;
using OpenC3.Grains.Abstractions.Catalog;
using OpenC3.Grains.Abstractions.Common;
using OpenC3.Grains.Abstractions.Tasks;

namespace OpenC3.Api.Job;

/// <summary>`POST /task/:treeid/plugin_approval`: a task that is one approval step (jobtype `plugin_approval`, timeout 60 s unless given).</summary>
public static class ApprovalPluginApi
{
    private const int DefaultTimeout = 60;

    public static RouteGroupBuilder MapApprovalPluginApi(this RouteGroupBuilder job)
    {
        job.MapPost("/task/{treeid}/plugin_approval", StartApproval).RequirePoint(Points.JobWrite);
        return job;
    }

    private static async Task<IResult> StartApproval(HttpContext context, IGrainFactory grains)
    {
        var treeId = context.TreeId();
        var input = await RequestParams.ReadAsync(context.Request);
        var failure = new Check(input)
            .NoQuote("name", required: true)
            .MaxLength("name", 100)
            .NoQuote("cont", required: true)
            .MaxLength("cont", 5000)
            .Required("approver", "^[$a-zA-Z0-9,@_.%-]+$")
            .MaxLength("approver", 300)
            .RequiredIn("deployenv", StepValues.Deployenvs)
            .RequiredIn("action", StepValues.Actions)
            .RequiredIn("batches", StepValues.Batches)
            .RequiredIn("everyone", StepValues.Everyone)
            .Optional("timeout", @"^\d+$")
            .OptionalIn("relaxed", StepValues.Relaxed)
            .Failure;
        if (failure is not null)
        {
            return Reply.Fail(failure);
        }

        var step = new StepDefinition
        {
            Type = StepValues.Approval, Uuid = Uuid.New(), Name = input.Text("name")!,
            Timeout = int.TryParse(input.Text("timeout"), out var timeout) && timeout > 0 ? timeout : DefaultTimeout,
            Approval = new ApprovalStepDefinition(input.Text("cont")!, input.Text("approver")!, input.Text("everyone") == "on", input.Text("relaxed") ?? "off"),
            When = new StepApplicability(input.Text("deployenv")!, input.Text("action")!, input.Text("batches")!),
        };
        return await PluginTasks.StartAsync(context, grains, treeId, step, input, "RUN PLUGIN APPROVAL");
    }
}
