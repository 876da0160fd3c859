using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenC3.Grains.Abstractions.Catalog;
using OpenC3.Grains.Abstractions.Connector;
using OpenC3.Grains.Abstractions.Environment;
using OpenC3.Grains.Abstractions.Notifications;

namespace OpenC3.Grains.Notifications;

/// <summary>
/// One notice (key: the episode). The first hand-over decides what to send and records it with its
/// deliveries under the notice's unique key; every later hand-over — a repeated call, another silo,
/// a restart — finds the record and sends nothing new. Deliveries go out through the message exits
/// (address book → SMTP / SMS webhook / inbox); a failed one is tried again after a doubling delay up
/// to <see cref="NotifyOptions.MaxAttempts"/>. A grain timer waits out the delay; a one-minute
/// reminder is the watchdog that brings open deliveries back after the silo died.
/// </summary>
[GrainType("notice")]
public sealed class NoticeGrain(NoticeStore store, IOptions<NotifyOptions> options, TimeProvider clock, ILogger<NoticeGrain> logger)
    : Grain, INoticeGrain, IRemindable
{
    private const string WakeReminder = "wake";

    private bool recorded;
    private IGrainTimer? retryTimer;

    private string Key => this.GetPrimaryKeyString();

    public async Task SendTask(TaskNotice notice)
    {
        if (recorded)
        {
            return;
        }

        var environment = await GrainFactory.GetGrain<IEnvironmentGrain>(0).GetAll();
        var channels = NoticePlan.Channels(environment, NoticePlan.TaskSwitch(notice.CallType, notice.Status));
        if (channels.Count == 0)
        {
            // The usual case, in one statement: claiming the notice also tells whether an earlier activation decided it.
            await RecordAsync([]);
            return;
        }

        if (await RecordedBeforeAsync())
        {
            return;
        }

        var notifyList = await GrainFactory.GetGrain<INotifyRecipientGrain>(0).List(notice.ProjectId);
        var (id, projectName) = await store.TaskFactsAsync(notice.Uuid, notice.ProjectId);
        var fields = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["id"] = id,
            ["projectid"] = notice.ProjectId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["uuid"] = notice.Uuid,
            ["name"] = notice.Name,
            ["user"] = notice.User,
            ["calltype"] = notice.CallType,
            ["status"] = notice.Status,
            ["starttime"] = notice.StartTime,
            ["finishtime"] = notice.FinishTime,
            ["projectname"] = projectName,
            ["notifytype"] = "notify",
        };
        var recipients = NoticePlan.Recipients(notifyList.Select(r => r.User), notice.User);
        await RecordAsync(NoticePlan.Build(environment, channels, "notify", recipients, fields));
    }

    public async Task SendApproval(ApprovalNotice notice)
    {
        if (await RecordedBeforeAsync())
        {
            return;
        }

        var environment = await GrainFactory.GetGrain<IEnvironmentGrain>(0).GetAll();
        var fields = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["id"] = notice.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["uuid"] = notice.Uuid,
            ["submitter"] = notice.Submitter,
            ["user"] = notice.User,
            ["cont"] = notice.Cont,
            ["link"] = notice.Link,
            ["notifytype"] = "approval",
        };
        var channels = NoticePlan.Channels(environment, NoticePlan.ApprovalSwitch);
        // The approver decides on the phone page: its link goes out even when a template leaves `${link}` out.
        var deliveries = NoticePlan.Build(environment, channels, "approval", [notice.User], fields)
            .Select(d => notice.Link.Length == 0 || d.Content.Contains(notice.Link, StringComparison.Ordinal) ? d : d with { Content = $"{d.Content}\n{notice.Link}" })
            .ToList();
        await RecordAsync(deliveries);
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        recorded = true;
        await PumpAsync();
    }

    /// <summary>True when this notice was decided before (by this or an earlier activation); then any open deliveries are resumed.</summary>
    private async Task<bool> RecordedBeforeAsync()
    {
        if (recorded)
        {
            return true;
        }

        if (!await store.ExistsAsync(Key))
        {
            return false;
        }

        recorded = true;
        await PumpAsync();
        return true;
    }

    private async Task RecordAsync(IReadOnlyList<Delivery> deliveries)
    {
        if (deliveries.Count > 0)
        {
            // Armed before the record exists, so a crash right after recording still finds the deliveries again.
            await this.RegisterOrUpdateReminder(WakeReminder, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));
        }

        var claimed = await store.RecordAsync(Key, deliveries);
        recorded = true;
        if (claimed && deliveries.Count == 0)
        {
            return; // nothing to send; a watchdog armed by an activation that died finds nothing when it fires, and stops
        }

        await PumpAsync();
    }

    /// <summary>Sends every delivery that is due, then waits for the next one due or, when none is left, stops the watchdog.</summary>
    private async Task PumpAsync()
    {
        var now = clock.GetUtcNow();
        DateTimeOffset? nextDue = null;
        foreach (var delivery in await store.OpenAsync(Key))
        {
            DateTimeOffset? due;
            if (delivery.Status == NoticeStore.Sending)
            {
                // Turns of this grain never overlap, so `sending` here was left by a process that died mid-send: at most once.
                await store.CloseAsync(delivery.Id, NoticeStore.Failed, "interrupted while sending; not sent again");
                due = null;
            }
            else
            {
                due = delivery.NextAt > now.ToUnixTimeMilliseconds() ? DateTimeOffset.FromUnixTimeMilliseconds(delivery.NextAt) : await AttemptAsync(delivery);
            }

            if (due is { } at && (nextDue is null || at < nextDue))
            {
                nextDue = at;
            }
        }

        retryTimer?.Dispose();
        retryTimer = null;
        if (nextDue is { } next)
        {
            var delay = next - clock.GetUtcNow();
            retryTimer = this.RegisterGrainTimer(PumpAsync, delay > TimeSpan.Zero ? delay : TimeSpan.Zero, Timeout.InfiniteTimeSpan);
        }
        else if (await this.GetReminder(WakeReminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
    }

    /// <summary>One attempt; the time of the next one, or null when the delivery is closed (sent, or out of attempts).</summary>
    private async Task<DateTimeOffset?> AttemptAsync(DeliveryRow delivery)
    {
        var attempt = (int)delivery.Attempts + 1;
        await store.BeginAttemptAsync(delivery.Id, attempt);
        string? error;
        try
        {
            error = await GrainFactory.GetGrain<IMessageGrain>(0).Notify(delivery.ToNotification());
        }
        catch (Exception failure)
        {
            error = failure.Message;
        }

        if (error is null)
        {
            await store.CloseAsync(delivery.Id, NoticeStore.Done, null);
            return null;
        }

        if (attempt >= options.Value.MaxAttempts)
        {
            logger.LogWarning("Notice {Notice}: {Channel} to {Recipient} failed after {Attempts} attempts: {Error}", Key, delivery.Channel, delivery.Recipient, attempt, error);
            await store.CloseAsync(delivery.Id, NoticeStore.Failed, error);
            return null;
        }

        var next = clock.GetUtcNow() + options.Value.DelayAfter(attempt);
        await store.RetryLaterAsync(delivery.Id, error, next);
        return next;
    }
}
