using System.Collections.Immutable;
using OpenC3.Grains.Abstractions.Approvals;

namespace OpenC3.Grains.Approvals;

/// <summary>
/// An approval batch as a pure state machine (upstream §7.8 and §12). Any refuse refuses the batch;
/// with `everyone` off the first agree passes it and closes the other rows with the same opinion
/// (`_close_by_sys_ not.everyone &lt;user&gt;`); with `everyone` on all rows must agree. The
/// deadline fails it and leaves unanswered rows `unconfirmed`. A decided row is never decided again.
/// </summary>
public static class ApprovalMachine
{
    public const string SystemSubmitter = "sys@app";
    public const string AutoRemarks = "sys.handle.auto";
    public const string TimeoutReason = "approval timeout";
    public const string NoApprover = "approval has no approver";

    /// <param name="relaxed">`on`: the submitter's own row agrees by itself; `nervous`: the submitter counts as `sys@app`.</param>
    public static (ApprovalMachineState State, IReadOnlyList<ApprovalEffect> Effects) Open(
        IReadOnlyList<string> approvers, string submitter, bool everyone, string relaxed, TimeSpan timeout, DateTimeOffset now, Func<string> newUuid)
    {
        var asked = relaxed == "nervous" ? SystemSubmitter : submitter;
        var users = approvers.Select(a => a.Trim()).Where(a => a.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        var rows = users.Select(user => relaxed == "on" && user == asked
                ? new ApprovalRowState(newUuid(), user, ApprovalOpinion.Agree, AutoRemarks, now, ApprovalOpinion.NotifySkip)
                : new ApprovalRowState(newUuid(), user, ApprovalOpinion.Unconfirmed, string.Empty, null, ApprovalOpinion.NotifyPending))
            .ToImmutableList();
        var state = new ApprovalMachineState(ApprovalStatus.Waiting, asked, everyone, rows, now + timeout, null);
        if (rows.Count == 0)
        {
            return Finish(state, ApprovalStatus.Fail, NoApprover, [new ApprovalEffect.Log($"ERROR: {NoApprover}\n")]);
        }

        var log = rows.Select(r => r.Unconfirmed
            ? $"Send mesg to {r.User}, wait for his confirmation\n"
            : $"{r.User}: agree ({AutoRemarks})\n");
        var effects = new List<ApprovalEffect> { new ApprovalEffect.Log(string.Concat(log)) };
        var auto = rows.FirstOrDefault(r => !r.Unconfirmed);
        var (settled, settledEffects) = auto is null ? (state, []) : Settle(state, auto, now);
        effects.AddRange(settledEffects);
        if (settled.Status != ApprovalStatus.Waiting)
        {
            return (settled, effects);
        }

        var notified = settled.Rows.Select(r => r.Unconfirmed ? r with { NotifyStatus = ApprovalOpinion.NotifyHandedOver } : r).ToImmutableList();
        effects.Add(new ApprovalEffect.Notify(notified.Where(r => r.Unconfirmed).ToList()));
        return (settled with { Rows = notified }, effects);
    }

    /// <param name="asUser">The logged-in caller, whose row it must be; null when holding the row uuid is the credential.</param>
    public static (ApprovalVerdict Verdict, ApprovalMachineState State, IReadOnlyList<ApprovalEffect> Effects) Decide(
        ApprovalMachineState state, string rowUuid, string opinion, string? asUser, DateTimeOffset now)
    {
        var index = state.Rows.FindIndex(r => r.Uuid == rowUuid);
        if (index < 0 || opinion is not (ApprovalOpinion.Agree or ApprovalOpinion.Refuse))
        {
            return (ApprovalVerdict.UnknownRow, state, []);
        }

        var row = state.Rows[index];
        if (asUser is not null && row.User != asUser)
        {
            return (ApprovalVerdict.NotYours, state, []);
        }

        if (!row.Unconfirmed)
        {
            return (ApprovalVerdict.AlreadyDecided, state, []);
        }

        if (state.Status != ApprovalStatus.Waiting)
        {
            return (ApprovalVerdict.Closed, state, []);
        }

        var decided = row with { Opinion = opinion, DecidedAt = now };
        var line = opinion == ApprovalOpinion.Agree ? $"{row.User}: agree\n" : $"refuse by user {row.User}\n";
        var (next, effects) = Settle(state with { Rows = state.Rows.SetItem(index, decided) }, decided, now);
        return (ApprovalVerdict.Recorded, next, [new ApprovalEffect.Log(line), .. effects]);
    }

    /// <summary>A reminder tick: past the deadline a waiting batch fails; before it nothing happens.</summary>
    public static (ApprovalMachineState State, IReadOnlyList<ApprovalEffect> Effects) Tick(ApprovalMachineState state, DateTimeOffset now) =>
        state.Status == ApprovalStatus.Waiting && now >= state.Deadline
            ? Finish(state, ApprovalStatus.Fail, TimeoutReason, [new ApprovalEffect.Log("timeout.\n")])
            : (state, []);

    /// <summary>The owner gave up: no more opinions are taken; the owner is not told (it asked).</summary>
    public static (ApprovalMachineState State, IReadOnlyList<ApprovalEffect> Effects) Close(ApprovalMachineState state, string reason) =>
        state.Status == ApprovalStatus.Waiting
            ? (state with { Status = ApprovalStatus.Fail, Reason = reason }, [new ApprovalEffect.Log($"closed: {reason}\n")])
            : (state, []);

    /// <summary>What the batch comes to after <paramref name="decided"/> gave its opinion.</summary>
    private static (ApprovalMachineState, IReadOnlyList<ApprovalEffect>) Settle(ApprovalMachineState state, ApprovalRowState decided, DateTimeOffset now)
    {
        var rows = state.Rows;
        if (!state.Everyone)
        {
            var remarks = $"_close_by_sys_ not.everyone {decided.User}";
            rows = rows.Select(r => r.Unconfirmed ? r with { Opinion = decided.Opinion, Remarks = remarks, DecidedAt = now } : r).ToImmutableList();
        }

        var next = state with { Rows = rows };
        if (decided.Opinion == ApprovalOpinion.Refuse)
        {
            return Finish(next, ApprovalStatus.Refuse, $"refuse by user {decided.User}", []);
        }

        return !state.Everyone || rows.All(r => r.Opinion == ApprovalOpinion.Agree)
            ? Finish(next, ApprovalStatus.Success, null, [new ApprovalEffect.Log("OK\n")])
            : (next, []);
    }

    private static (ApprovalMachineState, IReadOnlyList<ApprovalEffect>) Finish(ApprovalMachineState state, string status, string? reason, IReadOnlyList<ApprovalEffect> before) =>
        (state with { Status = status, Reason = reason }, [.. before, new ApprovalEffect.Decided(status, reason)]);
}
