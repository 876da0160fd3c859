using OpenC3.Api.Infrastructure;
using OpenC3.Grains.Abstractions.Catalog;
using OpenC3.Grains.Abstractions.Common;
using OpenC3.Grains.Abstractions.Tasks;

namespace OpenC3.Api.Job;

/// <summary>
/// `POST /task/:treeid/plugin_cmd`: one cmd step on listed hosts (`builtin`, spec `buildin`) or a node group of the
/// node (`group`), with an inline script or a cited one (`cite`: `scripts_cont` is the script id), as a one-step task
/// failing at its first failed host (jobtype `plugin_cmd`, log id suffix `cmd`). Validated as upstream's `task.pm`.
/// </summary>
public static class CmdPluginApi
{
    public static RouteGroupBuilder MapCmdPluginApi(this RouteGroupBuilder job)
    {
        job.MapPost("/task/{treeid}/plugin_cmd", StartCommand).RequirePoint(Points.JobWrite);
        return job;
    }

    private static async Task<IResult> StartCommand(HttpContext context, IGrainFactory grains)
    {
        var treeId = context.TreeId();
        var input = await RequestParams.ReadAsync(context.Request);
        if (input.Text("node_type") == "buildin")
        {
            input = input.With("node_type", StepValues.Builtin);
        }

        var failure = new Check(input)
            .NoQuote("name", required: true)
            .MaxLength("name", 100)
            .Required("user", "^[A-Za-z0-9_]+$")
            .RequiredIn("node_type", StepValues.Builtin, StepValues.Group)
            .RequiredIn("scripts_type", StepValues.ScriptTypes)
            .Optional("timeout", PluginTasks.DigitsPattern)
            .Required("node_cont", input.Text("node_type") == StepValues.Group ? PluginTasks.DigitsPattern : PluginTasks.HostsPattern)
            .Required("scripts_cont", input.Text("scripts_type") == StepValues.Cite ? PluginTasks.DigitsPattern : "[\\s\\S]")
            .Optional("scripts_argv", "^[^']*$")
            .Applicability()
            .Optional("mutex", PluginTasks.MutexPattern)
            .OptionalMap("variable")
            .Failure;
        if (failure is not null)
        {
            return Reply.Fail(failure);
        }

        var references = new GrainStepReferences(grains, treeId);
        var nodeCont = input.Text("node_cont")!;
        var scriptsCont = input.Text("scripts_cont")!;
        if (input.Text("node_type") == StepValues.Group && !await references.NodeGroupExists(long.Parse(nodeCont, System.Globalization.CultureInfo.InvariantCulture)))
        {
            return Reply.Fail($"nodegroup id {nodeCont} nofind");
        }

        if (input.Text("scripts_type") == StepValues.Cite && !await references.ScriptExists(long.Parse(scriptsCont, System.Globalization.CultureInfo.InvariantCulture)))
        {
            return Reply.Fail($"scripts id {scriptsCont} nofind");
        }

        var command = PluginTasks.WithApplicability(new CmdStep
        {
            Uuid = Uuid.New(),
            Name = input.Text("name")!,
            User = input.Text("user")!,
            NodeType = input.Text("node_type")!,
            NodeCont = nodeCont,
            ScriptsType = input.Text("scripts_type")!,
            ScriptsCont = scriptsCont,
            ScriptsArgv = input.Text("scripts_argv") ?? string.Empty,
            Timeout = input.Text("timeout") ?? string.Empty,
        }, input);
        var planned = await grains.GetGrain<IJobStartGrain>(0).Snapshot(treeId, command);
        return planned.Step is null
            ? Reply.Fail(planned.Error!)
            : await PluginTasks.StartAsync(context, grains, treeId, planned.Step, input, "RUN PLUGIN CMD");
    }
}
