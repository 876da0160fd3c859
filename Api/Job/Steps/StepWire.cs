using OpenC3.Grains.Abstractions.Catalog;
using OpenC3.Grains.Abstractions.Tasks;

namespace OpenC3.Api.Job;

/// <summary>A step as `GET /jobs/:treeid/:jobuuid` answers it: upstream's keys per type, every value a string.</summary>
public static class StepWire
{
    public static object Of(JobStep step) => step switch
    {
        CmdStep cmd => new
        {
            uuid = cmd.Uuid, name = cmd.Name, user = cmd.User, node_type = cmd.NodeType, node_cont = cmd.NodeCont,
            scripts_type = cmd.ScriptsType, scripts_cont = cmd.ScriptsCont, scripts_argv = cmd.ScriptsArgv,
            timeout = cmd.Timeout, pause = cmd.Pause, deployenv = cmd.Deployenv, action = cmd.Action, batches = cmd.Batches,
        },
        ScpStep scp => new
        {
            uuid = scp.Uuid, name = scp.Name, user = scp.User, src = scp.Src, src_type = scp.SrcType, sp = scp.Sp, dst = scp.Dst,
            dst_type = scp.DstType, dp = scp.Dp, chown = scp.Chown, chmod = scp.Chmod, timeout = scp.Timeout, pause = scp.Pause,
            scp_delete = scp.ScpDelete, deployenv = scp.Deployenv, action = scp.Action, batches = scp.Batches,
        },
        ApprovalStep approval => new
        {
            uuid = approval.Uuid, name = approval.Name, cont = approval.Cont, approver = approval.Approver, deployenv = approval.Deployenv,
            action = approval.Action, batches = approval.Batches, everyone = approval.Everyone, timeout = approval.Timeout,
            pause = approval.Pause, relaxed = approval.Relaxed,
        },
        _ => throw new ArgumentException($"unknown step type {step.GetType().Name}", nameof(step)),
    };

    /// <summary>A run's step applicability; a step snapshotted before it was kept counts as `always`.</summary>
    public static StepApplicability When(StepDefinition step) => step.When ?? StepApplicability.Always;
}
