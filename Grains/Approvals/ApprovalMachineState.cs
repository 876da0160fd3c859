using System.Collections.Immutable;

namespace OpenC3.Grains.Approvals;

/// <summary>A batch as a whole: `waiting` for opinions, then `success`, `refuse` or `fail` (timeout or closed).</summary>
public static class ApprovalStatus
{
    public const string Waiting = "waiting";
    public const string Success = "success";
    public const string Refuse = "refuse";
    public const string Fail = "fail";

    public static bool IsFinal(string? status) => status is Success or Refuse or Fail;
}

/// <summary>A row's opinion, and where sending its notification stands, in upstream's words.</summary>
public static class ApprovalOpinion
{
    public const string Unconfirmed = "unconfirmed";
    public const string Agree = "agree";
    public const string Refuse = "refuse";

    public const string NotifyPending = "null";

    /// <summary>Handed to the notice grain, which records each delivery and retries failed ones.</summary>
    public const string NotifyHandedOver = "done";
    public const string NotifySkip = "skip";
}

/// <summary>One approver's row: their opinion, upstream's `remarks` (why the system decided it), and its notification.</summary>
public sealed record ApprovalRowState(string Uuid, string User, string Opinion, string Remarks, DateTimeOffset? DecidedAt, string NotifyStatus)
{
    public bool Unconfirmed => Opinion == ApprovalOpinion.Unconfirmed;
}

/// <summary>The part of a batch the machine decides on.</summary>
public sealed record ApprovalMachineState(string Status, string Submitter, bool Everyone, ImmutableList<ApprovalRowState> Rows, DateTimeOffset Deadline, string? Reason);

/// <summary>What the grain must do after a transition.</summary>
public abstract record ApprovalEffect
{
    /// <summary>Append to the step's log.</summary>
    public sealed record Log(string Text) : ApprovalEffect;

    /// <summary>Tell these rows' approvers (their rows are now handed over).</summary>
    public sealed record Notify(IReadOnlyList<ApprovalRowState> Rows) : ApprovalEffect;

    /// <summary>The batch is decided: tell its owner.</summary>
    public sealed record Decided(string Status, string? Reason) : ApprovalEffect;
}
