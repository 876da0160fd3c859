using Orleans.Concurrency;

namespace OpenC3.Grains.Abstractions.Notifications;

/// <summary>
/// One notice: a task's `success`/`fail` or one of its `waiting` episodes, or one approval request.
/// The key names the episode (<see cref="TaskNotice.Key"/>, <see cref="ApprovalNotice.Key"/>), so a
/// notice is decided and delivered at most once however often it is handed over. Calls are one-way:
/// a sender never waits for mail or SMS, and a failed delivery never reaches it.
/// </summary>
[Alias("openc3.INoticeGrain")]
public interface INoticeGrain : IGrainWithStringKey
{
    /// <summary>Tells the tree node's notify list (`_` = the task's starter) through the channels switched on for the task's calltype and status.</summary>
    [OneWay]
    Task SendTask(TaskNotice notice);

    /// <summary>Tells the approver of one approval row, when `isApprovalSuccessEmail|Sms` is on, with the `approvalTemplate*` texts.</summary>
    [OneWay]
    Task SendApproval(ApprovalNotice notice);
}

/// <summary>A task as it entered <see cref="Status"/>; <see cref="Episode"/> counts the task's waiting episodes so far.</summary>
[GenerateSerializer, Immutable, Alias("openc3.TaskNotice")]
public sealed record TaskNotice(
    [property: Id(0)] long ProjectId,
    [property: Id(1)] string Uuid,
    [property: Id(2)] string Name,
    [property: Id(3)] string User,
    [property: Id(4)] string CallType,
    [property: Id(5)] string Status,
    [property: Id(6)] string StartTime,
    [property: Id(7)] string FinishTime,
    [property: Id(8)] int Episode)
{
    /// <summary>`uuid:success`, `uuid:fail`, or `uuid:waiting-N` for the N-th waiting episode.</summary>
    public string Key => Status == "waiting" ? $"{Uuid}:waiting-{Episode}" : $"{Uuid}:{Status}";
}

/// <summary>One approval row: <see cref="User"/> is asked to decide <see cref="Cont"/>, submitted by <see cref="Submitter"/>.</summary>
[GenerateSerializer, Immutable, Alias("openc3.ApprovalNotice")]
public sealed record ApprovalNotice(
    [property: Id(0)] long Id,
    [property: Id(1)] string Uuid,
    [property: Id(2)] string Submitter,
    [property: Id(3)] string User,
    [property: Id(4)] string Cont)
{
    public string Key => $"approval:{Uuid}";
}
