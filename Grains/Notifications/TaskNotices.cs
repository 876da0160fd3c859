using OpenC3.Grains.Abstractions.Common;
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
    public static Task SendAsync(IGrainFactory grains, string uuid, TaskState task)
    {
        var status = task.Machine.Status;
        if (task.Definition is not { } definition || status is not (TaskRunStatus.Success or TaskRunStatus.Fail or TaskRunStatus.Waiting))
        {
            return Task.CompletedTask;
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
        return grains.GetGrain<INoticeGrain>(notice.Key).SendTask(notice);
    }

    /// <summary>Asks the approver of one approval row (upstream's `isApprovalSuccessEmail|Sms`); one-way, at most once per row uuid.</summary>
    public static Task SendApprovalAsync(IGrainFactory grains, ApprovalNotice notice) =>
        grains.GetGrain<INoticeGrain>(notice.Key).SendApproval(notice);
}
