using OpenC3.Grains.Abstractions.Approvals;
using OpenC3.Grains.Abstractions.Common;
using OpenC3.Grains.Abstractions.Tasks;

namespace OpenC3.Grains.Subtasks;

/// <summary>
/// An approval step opens an approval batch instead of running hosts and stays `running` until the
/// batch decides: its outcome (`success`, `refuse`, `fail`) is the step's. A kill closes the batch.
/// </summary>
public sealed partial class SubtaskGrain
{
    private bool IsApproval => state.State.Start?.Step.Approval is not null;

    public async Task ApprovalDecided(string batchId, string status, string? reason)
    {
        if (batchId == state.State.ApprovalBatch)
        {
            await FinishApprovalAsync(status, reason);
        }
    }

    /// <summary>The batch id is kept before the batch is opened, so a crash in between re-opens the same batch.</summary>
    private async Task StartApprovalAsync(SubtaskStart start)
    {
        var plan = start.Step.Approval!;
        state.State.Start = start;
        state.State.StartedAt = clock.GetUtcNow();
        state.State.ApprovalBatch = Uuid.New();
        state.State.Machine = SubtaskMachine.AwaitApproval(state.State.Machine);
        log.Append(LogUuid, $"[openc3] step {start.Step.Name}: approval by {plan.Approver} ({(plan.Everyone ? "everyone" : "anyone")}), timeout {start.Step.Timeout} s\n");
        await SaveAsync();
        await NotifyTaskAsync();
        await Batch().Open(Opening(start));
    }

    private async Task AbortApprovalAsync(string reason)
    {
        // Closing the batch is what cancelling the running hosts is to a cmd or scp step.
        var (machine, _) = SubtaskMachine.Abort(state.State.Machine, reason);
        if (ReferenceEquals(machine, state.State.Machine))
        {
            return;
        }

        state.State.Machine = machine;
        state.State.FinishedAt = clock.GetUtcNow();
        log.Append(LogUuid, $"[openc3] {reason}\n");
        await SaveAsync();
        await Batch().Close(reason);
    }

    /// <summary>
    /// After a restart: a batch that decided while its answer was lost is applied now, and one that
    /// was never opened (the silo died in between) is opened.
    /// </summary>
    private async Task ReconcileApprovalAsync()
    {
        if (state.State.Machine.Status != SubtaskStatus.Running)
        {
            return;
        }

        var batch = await Batch().Get();
        if (batch is null)
        {
            await Batch().Open(Opening(state.State.Start!));
        }
        else if (SubtaskStatus.IsFinal(batch.Status))
        {
            await FinishApprovalAsync(batch.Status, batch.Reason);
        }
    }

    private async Task FinishApprovalAsync(string status, string? reason)
    {
        var machine = SubtaskMachine.ApprovalDecided(state.State.Machine, status, reason);
        if (ReferenceEquals(machine, state.State.Machine))
        {
            return;
        }

        state.State.Machine = machine;
        state.State.FinishedAt = clock.GetUtcNow();
        log.Append(LogUuid, $"substatus = {status}\n");
        await SaveAsync();
        Diagnostics.OpenC3Metrics.SubtaskFinished(state.State.Start!.Step.Type, status);
        await NotifyTaskAsync();
    }

    private IApprovalGrain Batch() => GrainFactory.GetGrain<IApprovalGrain>(state.State.ApprovalBatch!);

    private ApprovalOpening Opening(SubtaskStart start)
    {
        var plan = start.Step.Approval!;
        return new ApprovalOpening(
            Key, LogUuid, start.Step.Name, plan.Cont, plan.Approver.Split(',', StringSplitOptions.RemoveEmptyEntries),
            plan.Submitter, plan.Everyone, plan.Relaxed, start.Step.Timeout);
    }
}
