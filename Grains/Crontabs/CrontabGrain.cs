using Microsoft.Extensions.Logging;
using OpenC3.Grains.Abstractions.Common;
using OpenC3.Grains.Abstractions.Crontabs;
using OpenC3.Grains.Abstractions.Tasks;
using OpenC3.Grains.Storage;
using OpenC3.Grains.Tasks;

namespace OpenC3.Grains.Crontabs;

/// <summary>
/// One crontab. While it is available a one-shot timer wakes it at its next fire time, and a one-minute
/// watchdog reminder brings it back after its silo died; each wake decides with <see cref="CrontabDecision"/>
/// what is owed since the cursor in its state: the due minute is started as a task named after
/// (crontab, minute), minutes missed while nothing ran it are recorded as failed tasks with the reason.
/// </summary>
[GrainType("crontab")]
public sealed class CrontabGrain(
    [PersistentState("crontab")] IPersistentState<CrontabState> state,
    CrontabStore store,
    TaskStore tasks,
    ServerSecrets secrets,
    TimeProvider clock,
    ILogger<CrontabGrain> logger) : Grain, ICrontabGrain, IRemindable
{
    private const string WatchdogReminder = "watchdog";

    private static readonly TimeSpan WatchdogPeriod = TimeSpan.FromMinutes(1);

    /// <summary>Timers wake early at worst: a far fire time is reached in steps (timer due times are bounded, clocks move).</summary>
    private static readonly TimeSpan LongestSleep = TimeSpan.FromHours(1);

    private static readonly IReadOnlyDictionary<string, string> NoVariables = new Dictionary<string, string>();

    private IGrainTimer? timer;
    private bool watching;

    private long Id => this.GetPrimaryKeyLong();

    public Task Refresh() => WakeAsync();

    public Task ReceiveReminder(string reminderName, TickStatus status) => WakeAsync();

    private async Task WakeAsync()
    {
        var crontab = await store.LoadAsync(Id);
        var zone = crontab is { Status: CrontabStatus.Available } ? CrontabSchedule.FindZone(crontab.TimeZone) : null;
        if (crontab is null || zone is null || CrontabSchedule.FormatError(crontab.Cron) is not null)
        {
            await StopAsync();
            return;
        }

        var now = clock.GetUtcNow();
        var decision = CrontabDecision.At(CrontabSchedule.Parse(crontab.Cron, zone), state.State.Cursor, now);
        if (crontab.Schedulable)
        {
            await RecordMissedAsync(crontab, decision);
            if (decision.Fire is { } minute)
            {
                await FireAsync(crontab, minute);
            }
        }

        state.State.Cursor = now;
        await state.WriteStateAsync();
        await ArmAsync(decision.NextDue);
    }

    private async Task FireAsync(ScheduledCrontab crontab, DateTimeOffset minute)
    {
        var key = await secrets.GetAsync(CrontabRunId.SecretName);
        var uuid = CrontabRunId.For(key, Id, minute);
        // A taken minute whose run exists was fired already; taken without its run means a crash came in between.
        if (!await store.TryLockAsync(Id, CrontabRunId.TimeId(minute))
            && await GrainFactory.GetGrain<ITaskQueryGrain>(0).Find(crontab.ProjectId!.Value, uuid) is { } row && crontab.IsRun(row.ProjectId, row.CallType, row.JobUuid))
        {
            Diagnostics.OpenC3Metrics.CronFired("duplicate");
            return;
        }

        if (await StartAsync(crontab, uuid) is { } refusal)
        {
            logger.LogWarning("Crontab {Crontab} could not start job {Job} for {Minute}: {Reason}", Id, crontab.JobUuid, minute, refusal.Reason);
            Diagnostics.OpenC3Metrics.CronFired(refusal.Lost ? "lost" : "refused");
            await RecordFailedAsync(crontab, refusal.Lost ? CrontabRunId.LostFor(key, Id, minute) : uuid, minute, refusal.Reason);
        }
    }

    /// <returns>Why the run cannot start, or null when it started (or had started already).</returns>
    private async Task<RunRefusal?> StartAsync(ScheduledCrontab crontab, string uuid)
    {
        var request = new JobStartRequest(crontab.ProjectId!.Value, crontab.JobUuid, ByName: false, crontab.EditUser, "crontab", NoVariables, crontab.Mutex, uuid);
        var started = await GrainFactory.GetGrain<IJobStartGrain>(0).Start(request);
        switch (started.Outcome)
        {
            case JobStartOutcome.Started:
                logger.LogInformation("Crontab {Crontab} started job {Job} as task {Task}", Id, crontab.JobUuid, uuid);
                Diagnostics.OpenC3Metrics.CronFired("started");
                return null;
            case JobStartOutcome.AlreadyExists:
                // Someone else's task under this run's uuid (a leaked key): the run is lost, and says so, rather than counting as started.
                return started.Existing is { } holder && crontab.IsRun(holder.TreeId, holder.CallType, holder.JobUuid)
                    ? null
                    : new RunRefusal($"lost: the run id {uuid} is taken by a task that is not this crontab's run", Lost: true);
            case JobStartOutcome.NoSuchJob:
                return new RunRefusal($"job {crontab.JobUuid} not found");
            default:
                return new RunRefusal(started.Reason ?? started.Outcome.ToString());
        }
    }

    /// <summary>One failed task row for the missed minutes no one took, named after the first of them; all of them are taken.</summary>
    private async Task RecordMissedAsync(ScheduledCrontab crontab, CrontabDecision decision)
    {
        if (decision.Missed.Count == 0)
        {
            return;
        }

        var locked = await store.LockedAsync(Id, CrontabRunId.TimeId(decision.Missed[0]), CrontabRunId.TimeId(decision.Missed[^1]));
        var untaken = decision.Missed.Where(m => !locked.Contains(CrontabRunId.TimeId(m))).ToList();
        if (untaken.Count == 0 || !await store.TryLockAsync(Id, CrontabRunId.TimeId(untaken[0])))
        {
            return;
        }

        await store.LockAllAsync(Id, untaken.Skip(1).Select(CrontabRunId.TimeId).ToList());
        var more = untaken.Count - 1 + decision.MissedCount - decision.Missed.Count;
        var reason = $"missed: cluster down at {TimeFormat.Format(untaken[0])}" +
                     (more > 0 ? $" (and {more}{(decision.MissedCount == CrontabDecision.MaxCounted ? "+" : string.Empty)} later runs)" : string.Empty);
        logger.LogWarning("Crontab {Crontab}: {Reason}", Id, reason);
        Diagnostics.OpenC3Metrics.CronFired("missed");
        await RecordFailedAsync(crontab, CrontabRunId.For(await secrets.GetAsync(CrontabRunId.SecretName), Id, untaken[0]), untaken[0], reason);
    }

    /// <summary>A run that never started still shows in the task list: a failed task at its minute, with the reason.</summary>
    private Task RecordFailedAsync(ScheduledCrontab crontab, string uuid, DateTimeOffset minute, string reason)
    {
        var definition = new TaskDefinition(
            crontab.ProjectId!.Value, crontab.JobName ?? crontab.Name, crontab.EditUser, "crontab", "jobs", crontab.JobUuid, crontab.Mutex,
            NoVariables, NoVariables, [], FailFast: false);
        return tasks.SaveAsync(TaskStore.Row(uuid, new TaskState
        {
            Definition = definition,
            Machine = TaskMachineState.Initial(0) with { Status = TaskRunStatus.Fail, Reason = reason },
            Slave = System.Environment.MachineName.ToLowerInvariant(),
            StartedAt = minute,
            FinishedAt = minute,
        }));
    }

    private async Task ArmAsync(DateTimeOffset? next)
    {
        if (!watching)
        {
            await this.RegisterOrUpdateReminder(WatchdogReminder, WatchdogPeriod, WatchdogPeriod);
            watching = true;
        }

        var sleep = next is { } at ? at - clock.GetUtcNow() : LongestSleep;
        sleep = sleep < TimeSpan.Zero ? TimeSpan.Zero : sleep > LongestSleep ? LongestSleep : sleep;
        if (timer is null)
        {
            timer = this.RegisterGrainTimer(WakeAsync, new GrainTimerCreationOptions(sleep, Timeout.InfiniteTimeSpan) { KeepAlive = true });
        }
        else
        {
            timer.Change(sleep, Timeout.InfiniteTimeSpan);
        }
    }

    /// <summary>Switched off, deleted or unreadable: no timer, no reminder, no cursor (switching on again owes nothing from before).</summary>
    private async Task StopAsync()
    {
        timer?.Dispose();
        timer = null;
        if (await this.GetReminder(WatchdogReminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }

        watching = false;
        if (state.RecordExists)
        {
            await state.ClearStateAsync();
        }

        this.DeactivateOnIdle();
    }

    /// <param name="Lost">The run's uuid is held by another task, so the failure is recorded under a uuid of its own.</param>
    private sealed record RunRefusal(string Reason, bool Lost = false);
}
