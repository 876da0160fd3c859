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
        var input = await RequestParams.ReadAsync(context.Request);
        input = Canonical(Canonical(input, "src_type"), "dst_type").WithoutBlank("chown", "chmod");
        var failure = new Check(input)
            .NoQuote("name", required: true)
            .MaxLength("name", 100)
            .Required("user", "^[A-Za-z0-9_]+$")
            .RequiredIn("src_type", StepValues.Builtin, StepValues.Group, StepValues.Fileserver, "ci")
            .RequiredIn("dst_type", StepValues.Builtin, StepValues.Group, StepValues.Fileserver)
            .Optional("chown", @"^[a-zA-Z0-9\-]+$")
            .Optional("chmod", PluginTasks.DigitsPattern)
            .Optional("timeout", PluginTasks.DigitsPattern)
            .Applicability()
            .Optional("mutex", PluginTasks.MutexPattern)
            .OptionalMap("variable")
            .Failure;
        if (failure is not null)
        {
            return Reply.Fail(failure);
        }

        if (new[] { "sp", "dp" }.FirstOrDefault(field => input.Text(field) is null) is { } missing)
        {
            return Reply.Fail($"{missing} undef");
        }

        var fromFileServer = input.Text("src_type") == StepValues.Fileserver;
        var toFileServer = input.Text("dst_type") == StepValues.Fileserver;
        if (fromFileServer && (input.Text("sp")!.Contains('/') || input.Text("sp")!.Contains('\'')))
        {
            return Reply.Fail("sp format error");
        }

        if (toFileServer && FileServerCopyRule.Error(fromFileServer, input.Text("sp")!) is { } intoError)
        {
            return Reply.Fail(intoError);
        }

        var hostsError = (fromFileServer ? null : await HostsAsync(grains, treeId, input, "src")) ?? (toFileServer ? null : await HostsAsync(grains, treeId, input, "dst"));
        if (hostsError is not null)
        {
            return Reply.Fail(hostsError);
        }

        var step = PluginTasks.WithApplicability(new ScpStep
        {
            Uuid = Uuid.New(),
            Name = input.Text("name")!,
            User = input.Text("user")!,
            SrcType = input.Text("src_type")!,
            Src = fromFileServer ? string.Empty : input.Text("src")!,
            Sp = input.Text("sp")!,
            DstType = input.Text("dst_type")!,
            Dst = toFileServer ? string.Empty : input.Text("dst")!,
            Dp = input.Text("dp")!,
            Chown = input.Text("chown") ?? string.Empty,
            Chmod = input.Text("chmod") ?? string.Empty,
            ScpDelete = PerlTruth.IsTrue(input, "scp_delete") ? "1" : "0",
            Timeout = input.Text("timeout") ?? "60",
        }, input);
        var planned = await grains.GetGrain<IJobStartGrain>(0).Snapshot(treeId, step);
        return planned.Step is null
            ? Reply.Fail(planned.Error!)
            : await PluginTasks.StartAsync(context, grains, treeId, planned.Step, input, "RUN PLUGIN SCP");
    }

    /// <summary>Upstream's checks of `src`/`dst` by their type; the error text, or null.</summary>
    private static async Task<string?> HostsAsync(IGrainFactory grains, long treeId, RequestParams input, string field)
    {
        var type = input.Text($"{field}_type");
        var pattern = type switch
        {
            StepValues.Builtin => PluginTasks.HostsPattern,
            StepValues.Group => PluginTasks.DigitsPattern,
            _ => @"^[a-zA-Z0-9\.,\-_\$]+$",
        };
        if (new Check(input).Required(field, pattern).Failure is { } failure)
        {
            return failure;
        }

        var id = input.Text(field)!;
        return type == StepValues.Group && (TreeIds.TryParse(id) is not { } group || await grains.GetGrain<INodeGroupsGrain>(0).Get(treeId, group) is null)
            ? $"nodegroup id {id} nofind"
            : null;
    }

    /// <summary>The spec spells `builtin` as `buildin`.</summary>
    private static RequestParams Canonical(RequestParams input, string field) =>
        input.Text(field) == "buildin" ? input.With(field, StepValues.Builtin) : input;
}
