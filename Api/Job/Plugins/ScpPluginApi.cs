using OpenC3.Api.Infrastructure;
using OpenC3.Grains.Abstractions.Catalog;
using OpenC3.Grains.Abstractions.Common;
using OpenC3.Grains.Abstractions.Tasks;

namespace OpenC3.Api.Job;

/// <summary>
/// `POST /task/:treeid/plugin_scp`: copy a path of source hosts, or a file of the node's file server, to
/// destination hosts as a one-step task (jobtype `plugin_scp`, log id suffix `scp`). Validated as upstream;
/// a CI source needs a part this product does not have and is refused. A file server destination (the quick
/// send-file page's "download", `sendfile.controller.js startDownloadTask`) stores one file of one source host
/// among the node's files under its base name; dp is ignored, as upstream replaces it by a temp path.
/// </summary>
public static class ScpPluginApi
{
    public static RouteGroupBuilder MapScpPluginApi(this RouteGroupBuilder job)
    {
        job.MapPost("/task/{treeid}/plugin_scp", StartCopy).RequirePoint(Points.JobWrite);
        return job;
    }

    private static async Task<IResult> StartCopy(HttpContext context, IGrainFactory grains)
    {
        var treeId = context.TreeId();
        var input = StepValidator.CanonicalScp(await RequestParams.ReadAsync(context.Request));
        var failure = new Check(input)
            .NoQuote("name", required: true)
            .MaxLength("name", 100)
            .Required("user", StepValidator.PluginUserPattern)
            .RequiredIn("src_type", StepValues.Builtin, StepValues.Group, StepValues.Fileserver, "ci")
            .RequiredIn("dst_type", StepValues.Builtin, StepValues.Group, StepValues.Fileserver)
            .Optional("chown", StepValidator.PluginChownPattern)
            .Optional("chmod", StepValidator.DigitsPattern)
            .Optional("timeout", StepValidator.DigitsPattern)
            .Applicability()
            .Optional("mutex", PluginTasks.MutexPattern)
            .OptionalMap("variable")
            .Failure;
        failure ??= new[] { "sp", "dp" }.FirstOrDefault(field => input.Text(field) is null) is { } missing ? $"{missing} undef" : null;
        failure ??= StepValidator.FileServerSourceError(input) ?? IntoFileServerError(input) ?? await HostsError(grains, treeId, input);
        if (failure is not null)
        {
            return Reply.Fail(failure);
        }

        var step = PluginTasks.WithApplicability(StepValidator.ScpOf(input) with { Uuid = Uuid.New(), Name = input.Text("name")!, Timeout = input.Text("timeout") ?? "60" }, input);
        var planned = await grains.GetGrain<IJobStartGrain>(0).Snapshot(treeId, step);
        return planned.Step is null
            ? Reply.Fail(planned.Error!)
            : await PluginTasks.StartAsync(context, grains, treeId, planned.Step, input, "RUN PLUGIN SCP");
    }

    private static string? IntoFileServerError(RequestParams input) =>
        input.Text("dst_type") == StepValues.Fileserver ? FileServerCopyRule.Error(input.Text("src_type") == StepValues.Fileserver, input.Text("sp")!) : null;

    /// <summary>The source, then the destination hosts, unless they are the file server.</summary>
    private static async Task<string?> HostsError(IGrainFactory grains, long treeId, RequestParams input)
    {
        var references = new GrainStepReferences(grains, treeId);
        foreach (var side in new[] { "src", "dst" })
        {
            var type = input.Text($"{side}_type")!;
            if (type != StepValues.Fileserver && await StepValidator.HostsAsync(new Check(input), input, side, type, references) is { } error)
            {
                return error;
            }
        }

        return null;
    }
}
