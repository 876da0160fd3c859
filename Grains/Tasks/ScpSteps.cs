using OpenC3.Grains.Abstractions.Catalog;
using OpenC3.Grains.Abstractions.Tasks;
using OpenC3.Grains.Execution;

namespace OpenC3.Grains.Tasks;

/// <summary>
/// scp steps: <see cref="SnapshotAsync"/> when the task is created (source and destination node groups resolved
/// into host lists; a CI source needs the CI module, which this product does not have; a file server destination
/// has the one pseudo host <see cref="FileServerDestination.HostLabel"/>), and <see cref="Plan"/> when the step
/// starts: the copy its subtask makes on each destination host, with variables substituted in src, dst, sp and
/// dp, then upstream's path rules: a source ending in `/` is a directory and makes dp a directory; a file copied
/// to a dp ending in `/` keeps its name there. File server names starting `rollback:`, `comeback:` or `backup`
/// are not copied (the step is ignored).
/// </summary>
public static class ScpSteps
{
    private static readonly string[] MarkerPrefixes = ["rollback:", "comeback:", "backup"];

    public static async Task<StepSnapshot> SnapshotAsync(IGrainFactory grains, long treeId, ScpStep scp)
    {
        if (scp.SrcType == "ci")
        {
            return new StepSnapshot(null, "src_type ci is not supported (there is no CI module)");
        }

        var (sources, srcType, srcError) = await TaskSnapshot.NodesAsync(grains, treeId, scp.SrcType, scp.Src);
        var toFileServer = scp.DstType == StepValues.Fileserver;
        var (targets, dstType, dstError) = toFileServer
            ? (FileServerDestination.HostLabel, StepValues.Fileserver, null)
            : await TaskSnapshot.NodesAsync(grains, treeId, scp.DstType, scp.Dst);
        if ((srcError ?? dstError) is { } error)
        {
            return new StepSnapshot(null, error);
        }

        var copy = new ScpStepDefinition(srcType, sources, scp.Sp, scp.Dp, scp.Chown, scp.Chmod, scp.ScpDelete == "1", toFileServer);
        var step = new StepDefinition
        {
            Type = StepValues.Scp, Uuid = scp.Uuid, Name = scp.Name, User = scp.User, NodeType = dstType, NodeCont = targets,
            Timeout = TaskSnapshot.Timeout(scp.Timeout), Pause = scp.Pause, Scp = copy, When = StepApplicability.Of(scp),
        };
        return new StepSnapshot(step, null);
    }

    public static StepPlan Plan(string taskUuid, int index, TaskDefinition task)
    {
        var step = task.Steps[index];
        if (step.Scp is not { } scp)
        {
            return new StepPlan(null, $"step {step.Name}: no copy to make");
        }

        var src = scp.SrcType == "variable" ? Substitute(scp.Src, task) : new VariableSubstitution.Outcome(scp.Src, []);
        var dst = StepPlans.Nodes(step, task);
        var sp = Substitute(scp.Sp, task);
        var dp = Substitute(scp.Dp, task);
        var undefined = new[] { src, dst, sp, dp }.SelectMany(o => o.Undefined).Distinct(StringComparer.Ordinal).ToList();
        if (undefined.Count > 0)
        {
            return new StepPlan(null, $"variable undef:{string.Join(',', undefined)}");
        }

        var copy = Copy(scp, src.Text, sp.Text, dp.Text, out var error);
        if (copy is not null && scp.ToFileServer)
        {
            copy = IntoFileServer(copy, task, out error);
        }

        if (copy is null)
        {
            return new StepPlan(null, error);
        }

        var failFast = task.JobType != "jobs" || FailFastRule.Applies(StepValues.Scp, task.Variables, task.JobDefaults);
        var start = new SubtaskStart(taskUuid, index, task.ProjectId, step, StepPlans.Hosts(dst.Text), Rejection: null, string.Empty, string.Empty, failFast, copy);
        return new StepPlan(start, null);
    }

    /// <summary>The step with the md5 of its file server file, or upstream's `fileserver null: &lt;name&gt;` when the node has no such file.</summary>
    public static async Task<StepPlan> WithStoredFileAsync(StepPlan plan, IGrainFactory grains)
    {
        if (plan.Start is not { Copy: { FromFileServer: true, Skip: null } copy } start)
        {
            return plan;
        }

        var file = await grains.GetGrain<IFileCatalogGrain>(0).Find(start.ProjectId, copy.SourcePath);
        return file is null
            ? new StepPlan(null, $"fileserver null: {copy.SourcePath}")
            : plan with { Start = start with { Copy = copy with { FileMd5 = file.Md5, FileSha256 = file.Sha256 } } };
    }

    private static CopyPlan? Copy(ScpStepDefinition scp, string src, string sp, string dp, out string? error)
    {
        error = sp.Length == 0 ? "sp undef" : dp.Length == 0 ? "dp undef" : null;
        error ??= sp.Contains('\n') || (scp.FromFileServer && sp.Contains('/')) ? "sp format error" : dp.Contains('\n') ? "dp format error" : null;
        var sources = scp.FromFileServer ? [] : StepPlans.Hosts(src);
        error ??= !scp.FromFileServer && sources.Count == 0 ? "src null" : null;
        if (error is not null)
        {
            return null;
        }

        var directory = sp.EndsWith('/');
        var target = directory && !dp.EndsWith('/') ? dp + "/" : dp;
        var name = scp.FromFileServer ? sp : FileServerCopyRule.BaseName(sp);
        if (target.EndsWith('/') && !directory)
        {
            target += name;
        }

        var skip = scp.FromFileServer && MarkerPrefixes.Any(p => sp.StartsWith(p, StringComparison.Ordinal)) ? $"{sp} is a rollback or backup marker: nothing to copy" : null;
        return new CopyPlan(sources, sp, null, target, scp.Chown, scp.Chmod, scp.Mirror, SamePath: sp == dp, skip);
    }

    /// <summary>
    /// A copy into the file server stores one file of one source host under its base name (upstream ignores dp); the
    /// name must be one the file server accepts, so it is refused here rather than after the copy.
    /// </summary>
    private static CopyPlan? IntoFileServer(CopyPlan copy, TaskDefinition task, out string? error)
    {
        error = FileServerCopyRule.Error(copy.FromFileServer, copy.SourcePath)
            ?? (copy.SourceHosts.Count != 1 ? "dst_type fileserver copies from exactly one source host" : null);
        var name = FileServerCopyRule.BaseName(copy.SourcePath);
        return error is null ? copy with { TargetPath = name, Mirror = false, SamePath = false, ToFileServer = new FileServerDestination(task.ProjectId, name, task.User) } : null;
    }

    private static VariableSubstitution.Outcome Substitute(string text, TaskDefinition task) =>
        VariableSubstitution.Apply(text, task.Variables, task.JobDefaults);
}
