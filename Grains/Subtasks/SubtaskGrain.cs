using OpenC3.Grains.Abstractions.Approvals;
using OpenC3.Grains.Abstractions.Tasks;
using OpenC3.Grains.Execution;
using OpenC3.Grains.Logs;

namespace OpenC3.Grains.Subtasks;

/// <summary>
/// One step of one run: holds the per-host outcome and the decision state, hands the hosts to the
/// silo's <see cref="StepRunner"/>, and tells its task whenever the step's status changes.
/// </summary>
[GrainType("subtask")]
public sealed partial class SubtaskGrain(
    [PersistentState("subtask")] IPersistentState<SubtaskState> state,
    StepRunner runner,
    LogWriter log,
    SubtaskStore store,
    VersionVariableStore versions,
    TimeProvider clock) : Grain, ISubtaskGrain, IApprovalOwner
{
    private IGrainTimer? keepAlive;

    /// <summary>The step's row as this activation last wrote it.</summary>
    private SubtaskRow? projected;

    private string Key => this.GetPrimaryKeyString();

    private string LogUuid => state.State.Start is { } start ? start.TaskUuid + start.Step.Uuid + start.Step.Type : Key;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (IsApproval)
        {
            await ReconcileApprovalAsync();
            return;
        }

        // Running here but unknown to this silo's runner: the silo that ran it died. Its runs are stopped on the hosts
        // first, then the hosts are marked incomplete. Never re-run by itself.
        if (state.State.Machine.Status == SubtaskStatus.Running && !runner.IsRunning(Key))
        {
            // A host whose session was not recorded yet (the silo died within moments of its start) is stopped by the step's tag.
            var start = state.State.Start!;
            var orphans = start.Copy is null
                ? SubtaskMachine.Running(state.State.Machine).Select(h => (h.Host, Session: Execution.RemoteSession.Parse(h.Session))).ToList()
                : [];
            if (orphans.Count > 0)
            {
                log.Append(LogUuid, $"[openc3] the silo running this step stopped; stopping what it left running on {orphans.Count} host(s)\n");
                runner.StopOrphans(Key, start.ProjectId, start.Step.User, Execution.ScriptCommand.Tag(start.TaskUuid, start.Step.Uuid), orphans);
                return;
            }

            await RecoverAsync();
        }
    }

    public Task OrphansStopped() =>
        state.State.Machine.Status == SubtaskStatus.Running && !runner.IsRunning(Key) ? RecoverAsync() : Task.CompletedTask;

    public async Task Start(SubtaskStart start)
    {
        if (state.State.Start is not null)
        {
            return;
        }

        if (start.Step.Approval is not null)
        {
            await StartApprovalAsync(start);
            return;
        }

        state.State.Start = start;
        state.State.StartedAt = clock.GetUtcNow();
        log.Append(LogUuid, $"[openc3] step {start.Step.Name}: {start.Hosts.Count} host(s), timeout {start.Step.Timeout} s\n");
        if (start.Copy is { Skip: { } skip })
        {
            state.State.Machine = SubtaskMachine.Skip(SubtaskMachineState.Initial(start.FailFast, StepLabel(start)), skip);
            log.Append(LogUuid, $"[openc3] {skip}\n");
            await AfterTransitionAsync([]);
            return;
        }

        var (machine, effects) = SubtaskMachine.Start(SubtaskMachineState.Initial(start.FailFast, StepLabel(start)), start.Hosts, start.Rejection);
        state.State.Machine = machine;
        if (start.Rejection is not null)
        {
            log.Append(LogUuid, $"ERROR: {start.Rejection}\n");
        }

        await AfterTransitionAsync(effects);
    }

    public async Task HostsReported(IReadOnlyList<HostReport> reports)
    {
        var before = state.State.Machine;
        var machine = before;
        var effects = new List<SubtaskEffect>();
        var finished = new List<(string Host, string Output)>();
        foreach (var report in reports)
        {
            if (report.Outcome is not { } outcome)
            {
                machine = SubtaskMachine.HostStarted(machine, report.Host, report.Attempt, report.Session!);
                continue;
            }

            var (next, more) = SubtaskMachine.HostFinished(machine, report.Host, report.Attempt, outcome.ExitCode, outcome.Reason);
            if (!ReferenceEquals(next, machine))
            {
                machine = next;
                effects.AddRange(more);
                finished.Add((report.Host, outcome.Output));
            }
        }

        if (finished.Count == 0)
        {
            await KeepSessionsAsync(before, machine);
            return;
        }

        state.State.Machine = machine;
        foreach (var (host, output) in finished)
        {
            state.State.Outputs[host] = output;
        }

        await versions.SaveAsync(state.State.Start!.ProjectId, finished.Select(f => (f.Host, VersionVariables.Find(f.Output))).ToList());
        await AfterTransitionAsync(effects, notify: machine.Status != before.Status);
    }

    /// <summary>Reports that only announced sessions: kept with the step, or (all late) a repeat after a storage fault.</summary>
    private async Task KeepSessionsAsync(SubtaskMachineState before, SubtaskMachineState machine)
    {
        if (!ReferenceEquals(machine, before))
        {
            state.State.Machine = machine;
            await state.WriteStateAsync();
        }
        else if (before.Status is not (null or SubtaskStatus.Running))
        {
            // The task may not have heard how the step ended (it ignores repeats).
            await NotifyTaskAsync();
        }
    }

    public async Task<bool> Decide(string control, string user)
    {
        var before = state.State.Machine;
        var (machine, effects) = SubtaskMachine.Decide(before, control);
        if (ReferenceEquals(machine, before))
        {
            return false;
        }

        // A step failed by decision carries upstream's reason into its task.
        state.State.Machine = control == SubtaskStatus.Fail ? machine with { Reason = machine.Reason ?? $"stop by {user}" } : machine;
        log.Append(LogUuid, $"[openc3] decision {control} by {user}\n");
        await AfterTransitionAsync(effects);
        return true;
    }

    public async Task<HostRetry> RetryHosts(IReadOnlyList<string> hosts, string user)
    {
        var before = state.State.Machine;
        if (before.Status != SubtaskStatus.Decision)
        {
            return HostRetry.NoDecision;
        }

        if (SubtaskMachine.NotFailed(before, hosts) is { } host)
        {
            return HostRetry.NotFailed(host);
        }

        var (machine, effects) = SubtaskMachine.Decide(before, SubtaskStatus.Running, hosts);
        state.State.Machine = machine;
        log.Append(LogUuid, $"[openc3] decision running by {user} on {string.Join(',', hosts)}\n");
        await AfterTransitionAsync(effects);
        return HostRetry.Retried;
    }

    public async Task Abort(string reason)
    {
        if (IsApproval)
        {
            await AbortApprovalAsync(reason);
            return;
        }

        var (machine, effects) = SubtaskMachine.Abort(state.State.Machine, reason);
        if (ReferenceEquals(machine, state.State.Machine))
        {
            return;
        }

        state.State.Machine = machine;
        log.Append(LogUuid, $"[openc3] {reason}\n");
        await AfterTransitionAsync(effects, notify: false);
    }

    public async Task Reconcile()
    {
        // A status change the task missed (its storage refused the write) reaches it now; it ignores repeats.
        if (state.State.Start is not null && state.State.Machine.Status is not null)
        {
            await NotifyTaskAsync();
        }
    }

    private async Task RecoverAsync()
    {
        state.State.Machine = SubtaskMachine.Recover(state.State.Machine);
        log.Append(LogUuid, $"[openc3] the silo running this step stopped; hosts still running are marked incomplete: {string.Join(',', state.State.Machine.Failed)}\n");
        await SaveAsync();
        await NotifyTaskAsync();
    }

    public Task<SubtaskView?> Get()
    {
        if (state.State.Start is not { } start)
        {
            return Task.FromResult<SubtaskView?>(null);
        }

        var current = state.State;
        var hosts = current.Machine.Hosts.Select(h => new HostView(h.Host, h.Status.ToWire(), h.ExitCode, h.Reason)).ToList();
        return Task.FromResult<SubtaskView?>(new SubtaskView(
            start.Step.Uuid,
            start.Step.Type,
            current.Machine.Status,
            hosts.Count,
            current.StartedAt?.ToString("O"),
            current.FinishedAt?.ToString("O"),
            SubtaskStore.Runtime(current.StartedAt, current.FinishedAt),
            Pause(start),
            hosts));
    }

    private async Task AfterTransitionAsync(IReadOnlyList<SubtaskEffect> effects, bool notify = true)
    {
        var machine = state.State.Machine;
        if (SubtaskStatus.IsFinal(machine.Status) || machine.Status == SubtaskStatus.Decision)
        {
            state.State.FinishedAt = clock.GetUtcNow();
            Diagnostics.OpenC3Metrics.SubtaskFinished(state.State.Start!.Step.Type, machine.Status!);
            var results = machine.Hosts.Select(h => new RemoteResult(h.Host, h.ExitCode, state.State.Outputs.GetValueOrDefault(h.Host, string.Empty), h.Reason)).ToList();
            log.Append(LogUuid, ResultBlock.Format(results, machine.Status!));
        }
        else
        {
            state.State.FinishedAt = null;
        }

        // State first: if the silo dies after this line, the watchdog finds the hosts as `running` and marks them incomplete.
        await SaveAsync();
        HoldActivationWhileRunning();
        foreach (var effect in effects)
        {
            switch (effect)
            {
                case SubtaskEffect.RunHosts run:
                    runner.Run(Key, LogUuid, run.Attempt, run.Hosts, WithCopiedHostsAsSources(state.State.Start!));
                    break;
                case SubtaskEffect.CancelRunning:
                    runner.Cancel(Key);
                    break;
            }
        }

        if (notify)
        {
            await NotifyTaskAsync();
        }
    }

    /// <summary>
    /// Upstream: when an scp step copies a path to the same path, a retry may also read from the
    /// destinations that already have the copy.
    /// </summary>
    private SubtaskStart WithCopiedHostsAsSources(SubtaskStart start)
    {
        if (start.Copy is not { SamePath: true, FromFileServer: false } copy)
        {
            return start;
        }

        var copied = state.State.Machine.Hosts.Where(h => h.Status == HostStatus.Success).Select(h => h.Host);
        return start with { Copy = copy with { SourceHosts = copy.SourceHosts.Concat(copied).Distinct(StringComparer.Ordinal).ToList() } };
    }

    /// <summary>
    /// While this silo's runner works for the step, the activation must stay here: a re-activation
    /// elsewhere would not know the run and would take its hosts for lost.
    /// </summary>
    private void HoldActivationWhileRunning()
    {
        if (state.State.Machine.Status == SubtaskStatus.Running)
        {
            keepAlive ??= this.RegisterGrainTimer(static () => Task.CompletedTask, new GrainTimerCreationOptions(TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1)) { KeepAlive = true, Interleave = true });
        }
        else
        {
            keepAlive?.Dispose();
            keepAlive = null;
        }
    }

    public async Task ReleasePause()
    {
        if (state.State.Start is null || state.State.PauseReleased)
        {
            return;
        }

        state.State.PauseReleased = true;
        await SaveAsync();
    }

    private string Pause(SubtaskStart start) => state.State.PauseReleased ? string.Empty : start.Step.Pause;

    private static string StepLabel(SubtaskStart start) => $"step {start.Index + 1} ({start.Step.Name})";

    private async Task SaveAsync()
    {
        try
        {
            await state.WriteStateAsync();
            var start = state.State.Start!;
            var row = SubtaskStore.Row(start.TaskUuid, start.Step.Type, start.Step.Uuid, state.State, Pause(start));
            if (row != projected)
            {
                // Hosts ending while the step runs change nothing the list shows.
                await store.SaveAsync(row);
                projected = row;
            }
        }
        catch
        {
            // Storage is away: this activation's state is ahead of what is stored, so the next call must reload it.
            DeactivateOnIdle();
            throw;
        }
    }

    private Task NotifyTaskAsync()
    {
        var start = state.State.Start!;
        return GrainFactory.GetGrain<ITaskGrain>(start.TaskUuid).StepChanged(start.Index, state.State.Machine.Status!, state.State.Machine.Reason);
    }
}
