using System.Text.Json;
using OpenC3.Api.Infrastructure;
using OpenC3.Grains.Abstractions.Catalog;

namespace OpenC3.Api.Job;

/// <summary>What validating a step needs to look up: node groups of the tree node, scripts of the node or global.</summary>
public interface IStepReferences
{
    Task<bool> NodeGroupExists(long id);

    Task<bool> ScriptExists(long id);
}

/// <summary>Either the validated steps, or upstream's message for the first bad one.</summary>
public sealed record StepParse(IReadOnlyList<JobStep>? Steps, string? Error);

/// <summary>
/// Upstream's validation of a job's `data` (`JOB/lib/api/jobs.pm`): steps in order, fields in upstream's
/// order, the first failure answered as `step N: …` (N counts from 1). Enumerations are checked in their
/// canonical spelling after mapping the spec's aliases (`buildin` → `builtin` for hosts, `content` → `shell`
/// for scripts). Defaults: timeout 60 (approval 86400), pause '', chown/chmod '', scp_delete 0, and `always`
/// for the deployenv/action/batches of cmd and scp steps (upstream stores them unchecked). The one-step plugin
/// routes (`plugin_cmd`, `plugin_scp`) check their fields in their own order with upstream's plugin patterns,
/// kept here beside the job's, and share the host, reference and file server rules below.
/// </summary>
public static class StepValidator
{
    public const string UserPattern = @"^[a-zA-Z0-9\-_]+$";

    /// <summary>A plugin step's `user`: upstream's plugin routes allow no `-`.</summary>
    public const string PluginUserPattern = "^[A-Za-z0-9_]+$";

    /// <summary>A plugin scp's `chown`: upstream's plugin route allows no `_`.</summary>
    public const string PluginChownPattern = @"^[a-zA-Z0-9\-]+$";

    /// <summary>A plugin cmd's `scripts_argv`: the argv is quoted with `'` on the host.</summary>
    public const string PluginArgvPattern = "^[^']*$";

    /// <summary>An inline script: any text that is not empty.</summary>
    public const string ScriptPattern = "[\\s\\S]";

    /// <summary>A host list (`builtin`).</summary>
    public const string HostsPattern = @"^[a-zA-Z0-9\.,\-]+$";

    /// <summary>A node group or script id, a plugin's `timeout` and `chmod`.</summary>
    public const string DigitsPattern = @"^\d+$";

    private const string VariableHostsPattern = @"^[a-zA-Z0-9\.,\-_\$]+$";
    private const string TimeoutPattern = @"^\d*$";
    private const string ApproverPattern = @"^[\$a-zA-Z0-9,\@_\-\.%]+$";
    private const int MaxVariableLength = 200;

    public static async Task<StepParse> ParseAsync(RequestParams input, IStepReferences references)
    {
        if (!PerlTruth.IsTrue(input, "data"))
        {
            return new StepParse(null, "data undef");
        }

        var data = input.Values["data"];
        if (data.ValueKind != JsonValueKind.Array || data.GetArrayLength() == 0)
        {
            return new StepParse(null, "data not a array");
        }

        var steps = new List<JobStep>();
        var index = 0;
        foreach (var element in data.EnumerateArray())
        {
            index++;
            var (step, error) = await ParseStepAsync(RequestParams.FromObject(element), references);
            if (error is not null)
            {
                return new StepParse(null, $"step {index}: {error}");
            }

            steps.Add(step!);
        }

        return new StepParse(steps, null);
    }

    private static async Task<(JobStep? Step, string? Error)> ParseStepAsync(RequestParams step, IStepReferences references)
    {
        var common = new Check(step).NoQuote("name", required: true).Optional("timeout", TimeoutPattern).NoQuote("pause", required: false)
            .RequiredIn("plugin_type", StepValues.PluginTypes);
        if (common.Failure is { } failure)
        {
            return (null, failure);
        }

        return step.Text("plugin_type") switch
        {
            StepValues.Cmd => await CmdAsync(step, references),
            StepValues.Scp => await ScpAsync(step, references),
            _ => Approval(step),
        };
    }

    private static async Task<(JobStep?, string?)> CmdAsync(RequestParams step, IStepReferences references)
    {
        step = Canonical(Canonical(step, "node_type", "buildin", StepValues.Builtin), "scripts_type", "content", "shell");
        var check = new Check(step).Required("user", UserPattern).RequiredIn("node_type", StepValues.NodeTypes).RequiredIn("scripts_type", StepValues.ScriptTypes);
        var hosts = await HostsAsync(check, step, "node_cont", step.Text("node_type")!, references);
        if (hosts is not null)
        {
            return (null, hosts);
        }

        var cited = step.Text("scripts_type") == StepValues.Cite;
        if (cited && await ReferenceAsync(check.Required("scripts_cont", DigitsPattern), step, "scripts_cont", "scripts", references.ScriptExists) is { } script)
        {
            return (null, script);
        }

        return Finish(step, check, CmdOf(step));
    }

    private static async Task<(JobStep?, string?)> ScpAsync(RequestParams step, IStepReferences references)
    {
        step = CanonicalScp(step);
        var check = new Check(step).Required("user", UserPattern).RequiredIn("src_type", StepValues.SrcTypes).RequiredIn("dst_type", StepValues.DstTypes)
            .NoQuote("sp", required: false).NoQuote("dp", required: false).Optional("chown", UserPattern).Optional("chmod", DigitsPattern);
        if (check.Failure is { } failure)
        {
            return (null, failure);
        }

        var fromFileServer = step.Text("src_type") == StepValues.Fileserver;
        if (FileServerSourceError(step) is { } spError)
        {
            return (null, spError);
        }

        var source = fromFileServer ? null : await HostsAsync(check, step, "src", step.Text("src_type")!, references);
        var error = source ?? await HostsAsync(check, step, "dst", step.Text("dst_type")!, references);
        if (error is not null)
        {
            return (null, error);
        }

        return Finish(step, check, ScpOf(step));
    }

    /// <summary>The spec's `buildin` spelled `builtin`, and a blank chown or chmod as none.</summary>
    public static RequestParams CanonicalScp(RequestParams step) =>
        Canonical(Canonical(step, "src_type", "buildin", StepValues.Builtin), "dst_type", "buildin", StepValues.Builtin).WithoutBlank("chown", "chmod");

    /// <summary>A file server source names one file of the node: no path, no quote.</summary>
    public static string? FileServerSourceError(RequestParams step) =>
        step.Text("src_type") == StepValues.Fileserver && step.Text("sp") is { } sp && (sp.Contains('/') || sp.Contains('\'')) ? "sp format error" : null;

    /// <summary>The copy of a validated scp step (name, timeout and the rest of the step are the caller's).</summary>
    public static ScpStep ScpOf(RequestParams step) => new()
    {
        User = step.Text("user")!,
        SrcType = step.Text("src_type")!,
        Src = step.Text("src_type") == StepValues.Fileserver ? string.Empty : step.Text("src")!,
        Sp = step.Text("sp") ?? string.Empty,
        DstType = step.Text("dst_type")!,
        Dst = step.Text("dst") ?? string.Empty,
        Dp = step.Text("dp") ?? string.Empty,
        Chown = step.Text("chown") ?? string.Empty,
        Chmod = step.Text("chmod") ?? string.Empty,
        ScpDelete = PerlTruth.IsTrue(step, "scp_delete") ? "1" : "0",
    };

    /// <summary>The command of a validated cmd step (name, timeout and the rest of the step are the caller's).</summary>
    public static CmdStep CmdOf(RequestParams step) => new()
    {
        User = step.Text("user")!,
        NodeType = step.Text("node_type")!,
        NodeCont = step.Text("node_cont")!,
        ScriptsType = step.Text("scripts_type")!,
        ScriptsCont = step.Text("scripts_cont") ?? string.Empty,
        ScriptsArgv = step.Text("scripts_argv") ?? string.Empty,
    };

    private static (JobStep?, string?) Approval(RequestParams step)
    {
        var check = new Check(step).NoQuote("name", required: true).NoQuote("cont", required: true).Required("approver", ApproverPattern)
            .RequiredIn("deployenv", StepValues.Deployenvs).RequiredIn("action", StepValues.Actions).RequiredIn("batches", StepValues.Batches)
            .RequiredIn("everyone", StepValues.Everyone).RequiredIn("relaxed", StepValues.Relaxed);
        return Finish(step, check, new ApprovalStep
        {
            Cont = step.Text("cont")!,
            Approver = step.Text("approver")!,
            Everyone = step.Text("everyone")!,
            Relaxed = step.Text("relaxed")!,
        });
    }

    /// <summary>Hosts given as a list, a node group of the node, or variables; the error text or null.</summary>
    public static async Task<string?> HostsAsync(Check check, RequestParams step, string field, string type, IStepReferences references) => type switch
    {
        _ when check.Failure is { } failure => failure,
        StepValues.Builtin => check.Required(field, HostsPattern).Failure,
        StepValues.Group => await ReferenceAsync(check.Required(field, DigitsPattern), step, field, "nodegroup", references.NodeGroupExists),
        _ => check.Required(field, VariableHostsPattern).Failure,
    };

    /// <summary>A node group or script the step names by id (already checked as digits) exists: upstream's `&lt;noun&gt; id N nofind` otherwise.</summary>
    public static async Task<string?> ReferenceAsync(Check check, RequestParams step, string field, string noun, Func<long, Task<bool>> exists)
    {
        if (check.Failure is { } failure)
        {
            return failure;
        }

        var id = step.Text(field)!;
        return TreeIds.TryParse(id) is { } number && await exists(number) ? null : $"{noun} id {id} nofind";
    }

    /// <summary>The fields every step has, then the deployment switches (required for approvals, defaulted for the others).</summary>
    private static (JobStep?, string?) Finish(RequestParams step, Check check, JobStep typed)
    {
        var approval = typed is ApprovalStep;
        if (!approval)
        {
            check.OptionalIn("deployenv", StepValues.Deployenvs).OptionalIn("action", StepValues.Actions).OptionalIn("batches", StepValues.Batches);
        }

        if (check.Failure is { } failure)
        {
            return (null, failure);
        }

        // A variable name is a key of the variable table; both storage profiles must refuse the same names.
        if (typed.VariableSources().SelectMany(VariableReferences.In).FirstOrDefault(name => name.Length > MaxVariableLength) is { } longName)
        {
            return (null, $"variable name {longName[..20]}… is longer than {MaxVariableLength} characters");
        }

        var timeout = step.Text("timeout");
        return (typed with
        {
            Name = step.Text("name")!,
            Timeout = PerlTruth.IsTrue(step, "timeout") ? timeout! : approval ? "86400" : "60",
            Pause = step.Text("pause") ?? string.Empty,
            Deployenv = step.Text("deployenv") ?? StepValues.Always,
            Action = step.Text("action") ?? StepValues.Always,
            Batches = step.Text("batches") ?? StepValues.Always,
        }, null);
    }

    public static RequestParams Canonical(RequestParams step, string field, string alias, string canonical) =>
        step.Text(field) == alias ? step.With(field, canonical) : step;
}
