using Microsoft.Extensions.Options;
using OpenC3.Grains.Abstractions.Approvals;
using OpenC3.Grains.Abstractions.Common;
using OpenC3.Grains.Abstractions.Connector;
using OpenC3.Grains.Abstractions.Notifications;
using OpenC3.Grains.Logs;
using OpenC3.Grains.Notifications;

namespace OpenC3.Grains.Approvals;

/// <summary>
/// One approval batch over <see cref="ApprovalMachine"/>. Its one reminder is the timeout: due at the
/// deadline and repeating at the shortest period Orleans allows (a minute in production) until the
/// batch is decided, so a deadline that passed while the silo was down still fails the batch once it is back.
/// </summary>
[GrainType("approval")]
public sealed class ApprovalGrain(
    [PersistentState("approval")] IPersistentState<ApprovalState> state,
    ApprovalStore store,
    LogWriter log,
    IOptionsMonitor<ConnectorOptions> connector,
    IOptions<ReminderOptions> reminders,
    TimeProvider clock) : Grain, IApprovalGrain, IRemindable
{

    private const string TimeoutReminder = "timeout";
    private static readonly TimeSpan LongestDue = TimeSpan.FromDays(24);

    private string BatchId => this.GetPrimaryKeyString();

    public async Task Open(ApprovalOpening opening)
    {
        if (state.State.Opening is not null)
        {
            return;
        }

        var now = clock.GetUtcNow();
        var timeout = TimeSpan.FromSeconds(Math.Max(opening.TimeoutSeconds, 1));
        var transition = ApprovalMachine.Open(opening.Approvers, opening.Submitter, opening.Everyone, opening.Relaxed, timeout, now, Uuid.New);
        if (transition.State.Status == ApprovalStatus.Waiting)
        {
            // Registered before the state is written: a tick that finds no batch just unregisters itself.
            // Orleans takes due times up to ~24 days; a longer deadline is reached by the ticks after it.
            await this.RegisterOrUpdateReminder(TimeoutReminder, timeout < LongestDue ? timeout : LongestDue, reminders.Value.MinimumReminderPeriod);
        }

        state.State.Opening = opening;
        state.State.CreatedAt = now;
        await ApplyAsync(transition);
    }

    public async Task<ApprovalVerdict> Decide(string rowUuid, string opinion, string? asUser)
    {
        if (state.State.Machine is not { } machine)
        {
            return ApprovalVerdict.UnknownRow;
        }

        var (verdict, next, effects) = ApprovalMachine.Decide(machine, rowUuid, opinion, asUser, clock.GetUtcNow());
        if (verdict == ApprovalVerdict.Recorded)
        {
            await ApplyAsync((next, effects));
            Diagnostics.OpenC3Metrics.ApprovalDecided(opinion);
        }

        return verdict;
    }

    public async Task Close(string reason)
    {
        if (state.State.Machine is { } machine)
        {
            await ApplyAsync(ApprovalMachine.Close(machine, reason));
        }
    }

    public Task<ApprovalBatchView?> Get() =>
        Task.FromResult(state.State.Machine is { } machine ? new ApprovalBatchView(machine.Status, machine.Reason) : null);

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (state.State.Machine is { Status: ApprovalStatus.Waiting } machine)
        {
            await ApplyAsync(ApprovalMachine.Tick(machine, clock.GetUtcNow()));
            return;
        }

        await StopTimeoutAsync();
    }

    private async Task ApplyAsync((ApprovalMachineState State, IReadOnlyList<ApprovalEffect> Effects) transition)
    {
        var (next, effects) = transition;
        if (ReferenceEquals(next, state.State.Machine))
        {
            return;
        }

        state.State.Machine = next;
        await state.WriteStateAsync();
        await store.SaveAsync(BatchId, state.State);
        var opening = state.State.Opening!;
        foreach (var effect in effects)
        {
            switch (effect)
            {
                case ApprovalEffect.Log line:
                    log.Append(opening.LogUuid, line.Text);
                    break;
                case ApprovalEffect.Notify notify:
                    await NotifyAsync(notify.Rows, next.Submitter, opening.Cont);
                    break;
                case ApprovalEffect.Decided decided:
                    if (opening.Owner.Length > 0)
                    {
                        await GrainFactory.GetGrain<IApprovalOwner>(opening.Owner).ApprovalDecided(BatchId, decided.Status, decided.Reason);
                    }

                    break;
            }
        }

        if (ApprovalStatus.IsFinal(next.Status))
        {
            await StopTimeoutAsync();
        }
    }

    /// <summary>
    /// One-way hand-over to the notice grain (at most once per row, deliveries retried there), with
    /// the phone page link; a slow or failing exit never holds up the batch.
    /// </summary>
    private async Task NotifyAsync(IReadOnlyList<ApprovalRowState> rows, string submitter, string cont)
    {
        var ids = await store.IdsAsync(BatchId);
        var site = connector.CurrentValue.SiteAddress.TrimEnd('/');
        foreach (var row in rows)
        {
            var notice = new ApprovalNotice(ids.GetValueOrDefault(row.Uuid), row.Uuid, submitter, row.User, cont, site + ApprovalFastPage.Path + row.Uuid);
            await TaskNotices.SendApprovalAsync(GrainFactory, notice);
        }
    }

    private async Task StopTimeoutAsync()
    {
        if (await this.GetReminder(TimeoutReminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
    }
}
