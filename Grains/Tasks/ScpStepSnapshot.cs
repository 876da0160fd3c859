using OpenC3.Grains.Abstractions.Catalog;
using OpenC3.Grains.Abstractions.Tasks;

namespace OpenC3.Grains.Tasks;

/// <summary>
/// An scp step as a task stores it when it starts: source and destination node groups resolved into
/// host lists. A CI source needs the CI module, which this product does not have. A file server destination
/// has the one pseudo host <see cref="FileServerDestination.HostLabel"/>.
/// </summary>
public static class ScpStepSnapshot
{
    public static async Task<(StepDefinition? Step, string? Error)> PlanAsync(IGrainFactory grains, long treeId, ScpStep scp)
    {
        if (scp.SrcType == "ci")
        {
            return (null, "src_type ci is not supported (there is no CI module)");
        }

        var (sources, srcType, srcError) = await JobTaskPlanner.NodesAsync(grains, treeId, scp.SrcType, scp.Src);
        var toFileServer = scp.DstType == StepValues.Fileserver;
        var (targets, dstType, dstError) = toFileServer
            ? (FileServerDestination.HostLabel, StepValues.Fileserver, null)
            : await JobTaskPlanner.NodesAsync(grains, treeId, scp.DstType, scp.Dst);
        if ((srcError ?? dstError) is { } error)
        {
            return (null, error);
        }

        var copy = new ScpStepPlan(srcType, sources, scp.Sp, scp.Dp, scp.Chown, scp.Chmod, scp.ScpDelete == "1", toFileServer);
        var step = new StepDefinition
        {
            Type = StepValues.Scp, Uuid = scp.Uuid, Name = scp.Name, User = scp.User, NodeType = dstType, NodeCont = targets,
            Timeout = JobTaskPlanner.Timeout(scp.Timeout), Pause = scp.Pause, Scp = copy, When = StepApplicability.Of(scp),
        };
        return (step, null);
    }
}
