using Microsoft.Extensions.Options;
using OpenC3.Grains.Abstractions.Tasks;
using OpenC3.Grains.Approvals;
using OpenC3.Grains.Execution;
using OpenC3.Grains.Logs;

namespace OpenC3.Grains.Tasks;

/// <summary>
/// One run: starts its steps in order, reacts to their outcome, applies pause and kill. While its row is not final
/// the tasks' watchdog (<see cref="TaskWatchdogGrain"/>) wakes it every minute: after a silo crash that re-activates
/// the task and its current step, whose activation marks lost hosts incomplete.
/// </summary>
[GrainType("task")]
public sealed class TaskGrain(
    [PersistentState("task")] IPersistentState<TaskState> state,
    TaskStore store,
    Subtasks.SubtaskStore steps,
    LogWriter log,
    IOptions<SshOptions> ssh,
    TimeProvider clock) : Grain, ITaskGrain, IRemindable
{
    /// <summary>Each task's own watchdog reminder before the one watchdog of all tasks; a tick of a leftover one stops it.</summary>
    private const string LegacyWakeReminder = "wake";

    /// <summary>Why a task whose row was written but whose state was not ended.</summary>
    private const string LostStart = "lost: the product stopped before the task started";

    /// <summary>How long after its start a row without task state is taken for a lost start (a sweep or two).</summary>
    private static readonly TimeSpan LostStartGrace = TimeSpan.FromMinutes(2);

    /// <summary>The task's row as this activation last wrote it.</summary>
    private TaskProjection? projected;

    /// <summary>Callers of <see cref="WaitSettled"/> while the task runs; released once the settled row is written.</summary>
    private TaskCompletionSource? settled;

    /// <summary>Steps this activation started, when it started the task itself: no other activation can have started them.</summary>
    private HashSet<int>? stepsStartedHere;

    private string Uuid => this.GetPrimaryKeyString();

    /// <summary>The task has ended or waits for a decision, and its row says so (by the row this activation last wrote, if any).</summary>
    private bool Settled => state.State.Definition is null || IsSettled(projected?.Status ?? state.State.Machine.Status);

    public async Task<bool> Start(TaskDefinition definition)
    {
        if (state.State.Definition is not null)
        {
            return false;
        }

        state.State.Definition = definition;
        stepsStartedHere = [];
        state.State.Slave = System.Environment.MachineName.ToLowerInvariant();
        state.State.StartedAt = clock.GetUtcNow();
        state.State.Machine = TaskMachineState.Initial(definition.Steps.Count);
        try
        {
            await steps.PlaceholdersAsync(Uuid, definition.Steps.Select(s => (s.Type, s.Uuid, s.Pause)));
        }
        catch
        {
            // Storage is away: forget the start, so the caller's retry with the same uuid starts it for real.
            DeactivateOnIdle();
            throw;
        }

        log.Append(Uuid, $"[openc3] task {Uuid} ({definition.JobType} {definition.Name}) started by {definition.User}\n");
        Diagnostics.OpenC3Metrics.TaskStarted(definition.JobType, definition.CallType);
        if (MutexKey is { } mutex && await GrainFactory.GetGrain<IMutexGrain>(mutex).Acquire(Uuid) is { } holder)
        {
            log.Append(Uuid, $"[openc3] mutex {definition.Mutex} is held by task {holder}\n");
            await ApplyAsync(TaskMachine.Refuse(state.State.Machine, $"task mutex from: {holder}"));
            return true;
        }

        // The row first: the watchdog finds tasks by their row, also one whose silo died before its state was written.
        await ApplyAsync(TaskMachine.Start(state.State.Machine), rowFirst: true);
        return true;
    }

    public Task<TaskView?> Get()
    {
        if (state.State.Definition is not { } definition)
        {
            return Task.FromResult<TaskView?>(null);
        }

        var current = state.State;
        return Task.FromResult<TaskView?>(new TaskView(
            definition.ProjectId,
            Uuid,
            definition.Name,
            definition.User,
            current.Slave,
            current.Machine.Status,
            current.StartedAt is { } s ? Abstractions.Common.TimeFormat.Format(s) : null,
            current.FinishedAt is { } f ? Abstractions.Common.TimeFormat.Format(f) : null,
            definition.CallType,
            definition.JobType,
            definition.JobUuid,
            Subtasks.SubtaskStore.Runtime(current.StartedAt, current.FinishedAt),
            definition.Mutex,
            current.StartedAt?.ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture),
            current.FinishedAt?.ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture),
            current.Machine.Reason,
            definition.Variables));
    }

    public Task<TaskDefinition?> Definition() => Task.FromResult(state.State.Definition);

    public Task<IReadOnlyList<StepDefinition>> Steps() =>
        Task.FromResult(state.State.Definition?.Steps ?? (IReadOnlyList<StepDefinition>)[]);

    public async Task<string> Kill(string user)
    {
        if (state.State.Definition is null || TaskRunStatus.IsFinal(state.State.Machine.Status))
        {
            return $"task {Uuid} has been closed, status is {state.State.Machine.Status}";
        }

        log.Append(Uuid, $"killed by {user}\n");
        await ApplyAsync(TaskMachine.Kill(state.State.Machine, $"killed by {user}"));
        return "kill task succcess";
    }

    public async Task StepChanged(int index, string status, string? reason)
    {
        var step = state.State.Definition?.Steps.ElementAtOrDefault(index);
        if (step is null)
        {
            return;
        }

        // An approval step pauses only after it passed (upstream); cmd and scp steps pause after any outcome.
        var pause = step.Approval is null || status == Subtasks.SubtaskStatus.Success ? step.Pause : null;
        await ApplyAsync(TaskMachine.StepChanged(state.State.Machine, index, status, pause, reason));
    }

    public async Task<bool> Next(string stepUuid)
    {
        var index = state.State.Definition?.Steps.ToList().FindIndex(s => s.Uuid == stepUuid) ?? -1;
        var before = state.State.Machine;
        var transition = TaskMachine.Next(before, index);
        if (ReferenceEquals(transition.State, before))
        {
            return false;
        }

        await GrainFactory.GetGrain<ISubtaskGrain>(SubtaskKey(index)).ReleasePause();
        await ApplyAsync(transition);
        return true;
    }

    public async Task<bool> WaitSettled(TimeSpan wait)
    {
        if (Settled)
        {
            return true;
        }

        settled ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        try
        {
            await settled.Task.WaitAsync(wait);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    public async Task Wake()
    {
        if (state.State.Definition is null)
        {
            // The row is there, the state is not: the start's turn failed or its silo died before the state was written.
            var now = clock.GetUtcNow();
            await store.MarkLostAsync(Uuid, LostStart, now - LostStartGrace, now);
            return;
        }

        // Hands the current episode over again in case a crash came between persisting it and the hand-over (repeats send nothing).
        await Notifications.TaskNotices.SendAsync(GrainFactory, Uuid, state.State);
        if (TaskRunStatus.IsFinal(state.State.Machine.Status))
        {
            // The row missed the final status (a crash between the two writes), and so may the mutex its release.
            await ProjectAsync(force: true);
            if (MutexKey is { } mutex)
            {
                await GrainFactory.GetGrain<IMutexGrain>(mutex).Release(Uuid);
            }

            return;
        }

        // Waking the current step is enough: its activation recovers it if its silo died, and it tells its status again.
        if (state.State.Machine.Current >= 0)
        {
            await GrainFactory.GetGrain<ISubtaskGrain>(SubtaskKey(state.State.Machine.Current)).Reconcile();
        }
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (await this.GetReminder(LegacyWakeReminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }

        if (state.State.Definition is not null)
        {
            await Wake();
        }
    }

    /// <param name="rowFirst">Writes the task's row before its state (a task's start), else after it.</param>
    private async Task ApplyAsync((TaskMachineState State, IReadOnlyList<TaskEffect> Effects) transition, bool rowFirst = false)
    {
        var before = state.State.Machine;
        state.State.Machine = transition.State;
        if (TaskRunStatus.IsFinal(transition.State.Status))
        {
            state.State.FinishedAt ??= clock.GetUtcNow();
        }

        state.State.WaitingEpisodes += transition.Effects.Count(e => e is TaskEffect.WaitingEpisode);
        if (transition.Effects.Count == 0 && OnlyStepStarted(before, transition.State))
        {
            // Nothing a restart needs: the step's own state says it runs, and the watchdog's wake has it tell the task again.
            return;
        }

        try
        {
            if (rowFirst)
            {
                await ProjectAsync(force: true);
            }

            await state.WriteStateAsync();
            // A step that starts running changes nothing the lists show.
            await ProjectAsync(force: false);

            if (Settled)
            {
                settled?.TrySetResult();
                settled = null;
            }
        }
        catch
        {
            // Storage is away: this activation's state is ahead of what is stored, so the next call must reload it.
            DeactivateOnIdle();
            throw;
        }

        foreach (var effect in transition.Effects)
        {
            switch (effect)
            {
                case TaskEffect.StartStep start:
                    await StartStepAsync(start.Index);
                    break;
                case TaskEffect.AbortStep abort:
                    await GrainFactory.GetGrain<ISubtaskGrain>(SubtaskKey(abort.Index)).Abort(abort.Reason);
                    break;
                case TaskEffect.WaitingEpisode:
                    await Notifications.TaskNotices.SendAsync(GrainFactory, Uuid, state.State);
                    break;
                case TaskEffect.Finished finished:
                    Diagnostics.OpenC3Metrics.TaskFinished(finished.Status);
                    log.Append(Uuid, $"[openc3] task {finished.Status}{(state.State.Machine.Reason is { } why ? $": {why}" : string.Empty)}\n");
                    await Notifications.TaskNotices.SendAsync(GrainFactory, Uuid, state.State);
                    if (MutexKey is { } mutex)
                    {
                        await GrainFactory.GetGrain<IMutexGrain>(mutex).Release(Uuid);
                    }

                    break;
            }
        }
    }

    private async Task StartStepAsync(int index)
    {
        var definition = state.State.Definition!;
        var step = definition.Steps[index];
        if (StepSkipRule.Skip(step.When, DeploymentBatch.Standalone) is { } skipped)
        {
            // Upstream returns `success` before touching the step: its row keeps no status, and no pause applies.
            log.Append(Uuid + step.Uuid + step.Type, skipped);
            await ApplyAsync(TaskMachine.StepChanged(state.State.Machine, index, Subtasks.SubtaskStatus.Success, pause: null, reason: null));
            return;
        }

        var plan = step.Approval is not null
            ? await ApprovalSteps.PlanAsync(GrainFactory, Uuid, index, definition)
            : await ScpSteps.WithStoredFileAsync(StepPlans.Plan(Uuid, index, definition, ssh.Value.User), GrainFactory);
        if (plan.Start is null)
        {
            log.Append(Uuid, $"[openc3] {plan.Error}\n");
            await ApplyAsync(TaskMachine.Refuse(state.State.Machine, plan.Error!));
            return;
        }

        // An scp step's source hosts must be on the tree node as well as its destinations (the file server is no host).
        IReadOnlyList<string> destinations = plan.Start.Copy?.ToFileServer is null ? plan.Start.Hosts : [];
        var start = plan.Start with { Rejection = await OffTreeAsync(plan.Start.ProjectId, [.. destinations, .. plan.Start.Copy?.SourceHosts ?? []]) };
        var subtask = GrainFactory.GetGrain<ISubtaskGrain>(SubtaskKey(index));
        using (stepsStartedHere?.Add(index) == true ? Abstractions.Common.NewGrainHint.For(subtask.GetGrainId()) : default(Abstractions.Common.NewGrainHint.Scope?))
        {
            await subtask.Start(start);
        }
    }

    /// <summary>
    /// The tree guard: outside the global node 0, every host must be one of the tree node's machines
    /// (by name, inner or outer ip), or none of the step's hosts runs.
    /// </summary>
    private async Task<string?> OffTreeAsync(long projectId, IReadOnlyList<string> hosts)
    {
        if (projectId == 0)
        {
            return null;
        }

        var machines = await GrainFactory.GetGrain<Abstractions.Catalog.INodeInventoryGrain>(0).Machines(projectId);
        var known = machines.SelectMany(m => new[] { m.Name, m.InIp, m.ExIp }).Where(a => a.Length > 0).ToHashSet(StringComparer.Ordinal);
        var offenders = hosts.Where(h => !known.Contains(h)).Distinct(StringComparer.Ordinal).ToList();
        return offenders.Count == 0 ? null : $"the node not on tree: {string.Join(',', offenders)}";
    }

    /// <summary>The mutex grain of this task, when it has a mutex (upstream only honours alphanumeric names).</summary>
    private string? MutexKey =>
        state.State.Definition is { Mutex: { Length: > 0 } name } definition && name.All(char.IsAsciiLetterOrDigit) ? $"{definition.ProjectId}:{name}" : null;

    /// <summary>Writes the task's row, unless it is the row this activation last wrote and <paramref name="force"/> is false.</summary>
    private async Task ProjectAsync(bool force)
    {
        var row = TaskStore.Row(Uuid, state.State);
        if (force || row != projected)
        {
            await store.SaveAsync(row);
            projected = row;
        }
    }

    /// <summary>The current step went from started to running, and nothing else changed.</summary>
    private static bool OnlyStepStarted(TaskMachineState before, TaskMachineState after) =>
        after.CurrentStepStatus == Subtasks.SubtaskStatus.Running && before.CurrentStepStatus is null
        && after == before with { CurrentStepStatus = after.CurrentStepStatus, CurrentStepReason = after.CurrentStepReason };

    private static bool IsSettled(string status) => TaskRunStatus.IsFinal(status) || status == TaskRunStatus.Waiting;

    private string SubtaskKey(int index) => $"{Uuid}:{state.State.Definition!.Steps[index].Uuid}";
}
