using OpenC3.Grains.Abstractions.Approvals;
using OpenC3.Grains.Approvals;

namespace OpenC3.UnitTests;

public sealed class ApprovalMachineTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Day = TimeSpan.FromDays(1);

    [Fact]
    public void Open_MakesARowPerDistinctApprover_AndNotifiesThem()
    {
        var (state, effects) = Open(["ann", "bob", "ann", " "], everyone: false);
        Assert.Equal(ApprovalStatus.Waiting, state.Status);
        Assert.Equal(["ann", "bob"], state.Rows.Select(r => r.User));
        Assert.All(state.Rows, r => Assert.Equal(ApprovalOpinion.Unconfirmed, r.Opinion));
        Assert.Equal(2, state.Rows.Select(r => r.Uuid).Distinct().Count());
        Assert.Equal(Now + Day, state.Deadline);
        var notify = Assert.Single(effects.OfType<ApprovalEffect.Notify>());
        Assert.Equal(["ann", "bob"], notify.Rows.Select(r => r.User));
        Assert.All(state.Rows, r => Assert.Equal(ApprovalOpinion.NotifyHandedOver, r.NotifyStatus));
        Assert.Contains("Send mesg to bob, wait for his confirmation", Log(effects), StringComparison.Ordinal);
        Assert.Empty(effects.OfType<ApprovalEffect.Decided>());
    }

    [Fact]
    public void EveryoneOff_FirstAgreePasses_AndClosesTheOtherRows()
    {
        var (state, _) = Open(["ann", "bob", "cid"], everyone: false);
        var (verdict, decided, effects) = ApprovalMachine.Decide(state, state.Rows[1].Uuid, "agree", "bob", Now);
        Assert.Equal(ApprovalVerdict.Recorded, verdict);
        Assert.Equal(ApprovalStatus.Success, decided.Status);
        Assert.Equal(ApprovalStatus.Success, Assert.Single(effects.OfType<ApprovalEffect.Decided>()).Status);
        Assert.All(decided.Rows, r => Assert.Equal("agree", r.Opinion));
        Assert.Equal("_close_by_sys_ not.everyone bob", decided.Rows[0].Remarks);
        Assert.Equal(string.Empty, decided.Rows[1].Remarks);
        Assert.Contains("bob: agree", Log(effects), StringComparison.Ordinal);
    }

    [Fact]
    public void EveryoneOn_NeedsEveryAgree()
    {
        var (state, _) = Open(["ann", "bob"], everyone: true);
        (_, state, var first) = ApprovalMachine.Decide(state, state.Rows[0].Uuid, "agree", null, Now);
        Assert.Equal(ApprovalStatus.Waiting, state.Status);
        Assert.Empty(first.OfType<ApprovalEffect.Decided>());
        Assert.Equal(ApprovalOpinion.Unconfirmed, state.Rows[1].Opinion);

        (_, state, var second) = ApprovalMachine.Decide(state, state.Rows[1].Uuid, "agree", null, Now);
        Assert.Equal(ApprovalStatus.Success, state.Status);
        Assert.Single(second.OfType<ApprovalEffect.Decided>());
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void AnyRefuse_RefusesTheBatch(bool everyone)
    {
        var (state, _) = Open(["ann", "bob"], everyone);
        (_, state, _) = everyone ? ApprovalMachine.Decide(state, state.Rows[0].Uuid, "agree", null, Now) : (ApprovalVerdict.Recorded, state, []);
        var (_, refused, effects) = ApprovalMachine.Decide(state, state.Rows[1].Uuid, "refuse", null, Now);
        Assert.Equal(ApprovalStatus.Refuse, refused.Status);
        Assert.Equal("refuse by user bob", refused.Reason);
        Assert.Equal(ApprovalStatus.Refuse, Assert.Single(effects.OfType<ApprovalEffect.Decided>()).Status);
    }

    [Fact]
    public void ADecidedRow_CannotBeDecidedAgain_AndRowsAreOnlyTheirApproversOnLogin()
    {
        var (state, _) = Open(["ann", "bob"], everyone: true);
        Assert.Equal(ApprovalVerdict.NotYours, ApprovalMachine.Decide(state, state.Rows[0].Uuid, "agree", "bob", Now).Verdict);
        Assert.Equal(ApprovalVerdict.UnknownRow, ApprovalMachine.Decide(state, "nosuchrow123", "agree", null, Now).Verdict);
        Assert.Equal(ApprovalVerdict.UnknownRow, ApprovalMachine.Decide(state, state.Rows[0].Uuid, "maybe", null, Now).Verdict);

        (_, state, _) = ApprovalMachine.Decide(state, state.Rows[0].Uuid, "agree", "ann", Now);
        var (again, unchanged, effects) = ApprovalMachine.Decide(state, state.Rows[0].Uuid, "refuse", null, Now);
        Assert.Equal(ApprovalVerdict.AlreadyDecided, again);
        Assert.Same(state, unchanged);
        Assert.Empty(effects);
    }

    [Fact]
    public void Timeout_FailsOnlyAfterTheDeadline_AndLeavesRowsUnconfirmed()
    {
        var (state, _) = Open(["ann"], everyone: false);
        Assert.Same(state, ApprovalMachine.Tick(state, Now + Day - TimeSpan.FromSeconds(1)).State);

        var (timedOut, effects) = ApprovalMachine.Tick(state, Now + Day);
        Assert.Equal(ApprovalStatus.Fail, timedOut.Status);
        Assert.Equal(ApprovalMachine.TimeoutReason, timedOut.Reason);
        Assert.Equal(ApprovalOpinion.Unconfirmed, Assert.Single(timedOut.Rows).Opinion);
        Assert.Contains("timeout.", Log(effects), StringComparison.Ordinal);
        Assert.Equal(ApprovalVerdict.Closed, ApprovalMachine.Decide(timedOut, timedOut.Rows[0].Uuid, "agree", null, Now + Day).Verdict);
    }

    [Fact]
    public void Close_StopsTheBatch_WithoutTellingTheOwner()
    {
        var (state, _) = Open(["ann"], everyone: false);
        var (closed, effects) = ApprovalMachine.Close(state, "killed by ann");
        Assert.Equal(ApprovalStatus.Fail, closed.Status);
        Assert.Empty(effects.OfType<ApprovalEffect.Decided>());
        Assert.Equal(ApprovalVerdict.Closed, ApprovalMachine.Decide(closed, closed.Rows[0].Uuid, "agree", null, Now).Verdict);
    }

    [Fact]
    public void RelaxedOn_TheSubmittersOwnRowAgreesByItself()
    {
        var (alone, aloneEffects) = ApprovalMachine.Open(["sam"], "sam", everyone: true, "on", Day, Now, NewUuid());
        Assert.Equal(ApprovalStatus.Success, alone.Status);
        var row = Assert.Single(alone.Rows);
        Assert.Equal((ApprovalOpinion.Agree, ApprovalMachine.AutoRemarks, ApprovalOpinion.NotifySkip), (row.Opinion, row.Remarks, row.NotifyStatus));
        Assert.Single(aloneEffects.OfType<ApprovalEffect.Decided>());
        Assert.Empty(aloneEffects.OfType<ApprovalEffect.Notify>());

        var (withOthers, effects) = ApprovalMachine.Open(["sam", "ann"], "sam", everyone: true, "on", Day, Now, NewUuid());
        Assert.Equal(ApprovalStatus.Waiting, withOthers.Status);
        Assert.Equal(["ann"], Assert.Single(effects.OfType<ApprovalEffect.Notify>()).Rows.Select(r => r.User));
    }

    [Theory]
    [InlineData("off", "sam")]
    [InlineData("nervous", ApprovalMachine.SystemSubmitter)]
    public void RelaxedOffOrNervous_TheSubmitterMustApproveLikeAnyone(string relaxed, string submitter)
    {
        var (state, _) = ApprovalMachine.Open(["sam"], "sam", everyone: true, relaxed, Day, Now, NewUuid());
        Assert.Equal(ApprovalStatus.Waiting, state.Status);
        Assert.Equal(submitter, state.Submitter);
        Assert.Equal(ApprovalOpinion.Unconfirmed, Assert.Single(state.Rows).Opinion);
    }

    [Fact]
    public void NoApprover_FailsAtOnce()
    {
        var (state, effects) = Open([], everyone: true);
        Assert.Equal(ApprovalStatus.Fail, state.Status);
        Assert.Equal(ApprovalMachine.NoApprover, Assert.Single(effects.OfType<ApprovalEffect.Decided>()).Reason);
    }

    [Fact]
    public void Template_ReplacesKnownNames_MarksMissingValues_AndKeepsUnknownOnes()
    {
        var values = new Dictionary<string, string?> { ["jobname"] = "deploy", ["tagger"] = null };
        Assert.Equal("deploy by undefind ${other} $jobname", ApprovalTemplate.Render("${jobname} by ${tagger} ${other} $jobname", values));
    }

    private static (ApprovalMachineState State, IReadOnlyList<ApprovalEffect> Effects) Open(string[] approvers, bool everyone) =>
        ApprovalMachine.Open(approvers, "sam", everyone, "off", Day, Now, NewUuid());

    private static Func<string> NewUuid()
    {
        var next = 0;
        return () => $"row{++next:D8}x";
    }

    private static string Log(IEnumerable<ApprovalEffect> effects) => string.Concat(effects.OfType<ApprovalEffect.Log>().Select(l => l.Text));
}
