using OpenC3.Grains.Subtasks;

namespace OpenC3.UnitTests;

/// <summary>An approval step through <see cref="SubtaskMachine"/>: running on no host until its batch decides.</summary>
public sealed class SubtaskMachineApprovalTests
{
    private static readonly SubtaskMachineState Waiting = SubtaskMachine.AwaitApproval(SubtaskMachineState.Initial(failFast: false));

    [Fact]
    public void AwaitApproval_RunsOnNoHost_OnlyFromNotStarted()
    {
        Assert.Equal((SubtaskStatus.Running, 0), (Waiting.Status, Waiting.Hosts.Count));
        Assert.Same(Waiting, SubtaskMachine.AwaitApproval(Waiting));
        var finished = SubtaskMachine.ApprovalDecided(Waiting, SubtaskStatus.Success, null);
        Assert.Same(finished, SubtaskMachine.AwaitApproval(finished));
    }

    [Theory]
    [InlineData(SubtaskStatus.Success, null)]
    [InlineData(SubtaskStatus.Refuse, "refuse by user bob")]
    [InlineData(SubtaskStatus.Fail, "approval timeout")]
    public void BatchOutcome_IsTheStepsOutcome(string outcome, string? reason)
    {
        var decided = SubtaskMachine.ApprovalDecided(Waiting, outcome, reason);
        Assert.Equal((outcome, reason), (decided.Status, decided.Reason));
    }

    [Fact]
    public void LateOrRepeatedAnswer_ChangesNothing()
    {
        var refused = SubtaskMachine.ApprovalDecided(Waiting, SubtaskStatus.Refuse, "refuse by user bob");
        Assert.Same(refused, SubtaskMachine.ApprovalDecided(refused, SubtaskStatus.Success, null));

        var killed = SubtaskMachine.Abort(Waiting, "killed by alice").State;
        Assert.Same(killed, SubtaskMachine.ApprovalDecided(killed, SubtaskStatus.Success, null));
        Assert.Equal((SubtaskStatus.Fail, "killed by alice"), (killed.Status, killed.Reason));
    }

    [Fact]
    public void NotStartedOrNonFinalAnswer_ChangesNothing()
    {
        var notStarted = SubtaskMachineState.Initial(failFast: false);
        Assert.Same(notStarted, SubtaskMachine.ApprovalDecided(notStarted, SubtaskStatus.Success, null));
        Assert.Same(Waiting, SubtaskMachine.ApprovalDecided(Waiting, SubtaskStatus.Running, null));
        Assert.Same(Waiting, SubtaskMachine.ApprovalDecided(Waiting, SubtaskStatus.Decision, null));
    }

    [Fact]
    public void HostOutcome_IsNotAnApprovalAnswer()
    {
        var running = SubtaskMachine.Start(SubtaskMachineState.Initial(failFast: false), ["h1"]).State;
        Assert.Same(running, SubtaskMachine.ApprovalDecided(running, SubtaskStatus.Success, null));
    }

    [Fact]
    public void Kill_FailsTheWaitingStep_AndAFinishedOneStays()
    {
        var (killed, effects) = SubtaskMachine.Abort(Waiting, "killed by alice");
        Assert.Equal((SubtaskStatus.Fail, "killed by alice"), (killed.Status, killed.Reason));
        Assert.IsType<SubtaskEffect.CancelRunning>(Assert.Single(effects));

        var passed = SubtaskMachine.ApprovalDecided(Waiting, SubtaskStatus.Success, null);
        Assert.Same(passed, SubtaskMachine.Abort(passed, "killed by alice").State);
    }
}
