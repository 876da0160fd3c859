using OpenC3.Grains.Abstractions.Common;
using OpenC3.Grains.Abstractions.Environment;
using OpenC3.Grains.Abstractions.Notifications;
using OpenC3.Grains.Tasks;

namespace OpenC3.Grains.Notifications;

/// <summary>How a task hands its current episode to the notifier: one-way, never waiting for mail or SMS.</summary>
public static class TaskNotices
{
    /// <summary>
    /// Sends the notice of the task's `success`, `fail` or current `waiting` episode (nothing for
    /// other statuses). Safe to repeat: the notice grain sends each episode at most once.
    /// </summary>
    public static async Task SendAsync(IGrainFactory grains, string uuid, TaskState task)
    {
        var status = task.Machine.Status;
        if (task.Definition is not { } definition || status is not (TaskRunStatus.Success or TaskRunStatus.Fail or TaskRunStatus.Waiting))
        {
            return;
        }

        // The usual case, no channel switched on for this outcome, needs no notice grain (an activation and a row per task).
        if (await ChannelsOffAsync(grains, NoticePlan.TaskSwitch(definition.CallType, status)))
        {
            return;
        }

        var notice = new TaskNotice(
            definition.ProjectId,
            uuid,
            definition.Name,
            definition.User,
            definition.CallType,
            status,
            task.StartedAt is { } started ? TimeFormat.Format(started) : string.Empty,
            task.FinishedAt is { } finished ? TimeFormat.Format(finished) : string.Empty,
            task.WaitingEpisodes);
        await grains.GetGrain<INoticeGrain>(notice.Key).SendTask(notice);
    }

    /// <summary>
    /// False also when the settings cannot be read: the hand-over must not fail the task's turn (its watchdog and mutex
    /// come after it), and the notice grain decides for itself.
    /// </summary>
    private static async Task<bool> ChannelsOffAsync(IGrainFactory grains, string taskSwitch)
    {
        try
        {
            return NoticePlan.Channels(await grains.GetGrain<IEnvironmentSnapshotGrain>(0).Get(), taskSwitch).Count == 0;
        }
        catch (Exception)
        {
            return false;
        }
    }

    /// <summary>Asks the approver of one approval row (upstream's `isApprovalSuccessEmail|Sms`); one-way, at most once per row uuid.</summary>
    public static Task SendApprovalAsync(IGrainFactory grains, ApprovalNotice notice) =>
        grains.GetGrain<INoticeGrain>(notice.Key).SendApproval(notice);
}
