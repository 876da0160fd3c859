using OpenC3.Grains.Subtasks;
using OpenC3.Grains.Tasks;

namespace OpenC3.UnitTests;

public sealed class TaskMachineTests
{
    [Fact]
    public void Steps_RunInOrder_AndTheTaskSucceeds()
    {
        var (state, effects) = TaskMachine.Start(TaskMachineState.Initial(2));
        Assert.Equal(new TaskEffect.StartStep(0), Assert.Single(effects));
        (state, effects) = TaskMachine.StepChanged(state, 0, SubtaskStatus.Success, null, null);
        Assert.Equal(new TaskEffect.StartStep(1), Assert.Single(effects));
        (state, effects) = TaskMachine.StepChanged(state, 1, SubtaskStatus.Ignore, null, null);
        Assert.Equal(TaskRunStatus.Success, state.Status);
        Assert.Equal(new TaskEffect.Finished(TaskRunStatus.Success), Assert.Single(effects));
    }

    [Fact]
    public void Decision_PutsTheTaskInWaiting_OnceAnEpisode_AndRunningBringsItBack()
    {
        var state = TaskMachine.Start(TaskMachineState.Initial(1)).State;
        var (waiting, effects) = TaskMachine.StepChanged(state, 0, SubtaskStatus.Decision, null, null);
        Assert.Equal(TaskRunStatus.Waiting, waiting.Status);
        Assert.IsType<TaskEffect.WaitingEpisode>(Assert.Single(effects));
        Assert.Empty(TaskMachine.StepChanged(waiting, 0, SubtaskStatus.Decision, null, null).Effects);

        var running = TaskMachine.StepChanged(waiting, 0, SubtaskStatus.Running, null, null).State;
        Assert.Equal(TaskRunStatus.Running, running.Status);
        Assert.IsType<TaskEffect.WaitingEpisode>(Assert.Single(TaskMachine.StepChanged(running, 0, SubtaskStatus.Decision, null, null).Effects));
    }

    [Fact]
    public void FailedStep_FailsTheTask_WithTheStepsReason()
    {
        var state = TaskMachine.Start(TaskMachineState.Initial(3)).State;
        var (failed, effects) = TaskMachine.StepChanged(state, 0, SubtaskStatus.Fail, null, "stop by bob");
        Assert.Equal(TaskRunStatus.Fail, failed.Status);
        Assert.Equal("stop by bob", failed.Reason);
        Assert.Equal(new TaskEffect.Finished(TaskRunStatus.Fail), Assert.Single(effects));
    }

    [Fact]
    public void RefusedStep_RefusesTheTask()
    {
        var state = TaskMachine.Start(TaskMachineState.Initial(2)).State;
        Assert.Equal(TaskRunStatus.Refuse, TaskMachine.StepChanged(state, 0, SubtaskStatus.Refuse, null, "refuse by amy").State.Status);
    }

    [Fact]
    public void Pause_WaitsForNext_ThenGoesOn()
    {
        var state = TaskMachine.Start(TaskMachineState.Initial(2)).State;
        var (paused, _) = TaskMachine.StepChanged(state, 0, SubtaskStatus.Success, "check the canary", null);
        Assert.Equal(TaskRunStatus.Waiting, paused.Status);
        Assert.Empty(TaskMachine.Next(paused, 1).Effects);
        var (resumed, effects) = TaskMachine.Next(paused, 0);
        Assert.Equal(TaskRunStatus.Running, resumed.Status);
        Assert.Equal(new TaskEffect.StartStep(1), Assert.Single(effects));
    }

    [Fact]
    public void PauseAfterAFailedStep_StillWaits_ThenTheTaskFails()
    {
        var state = TaskMachine.Start(TaskMachineState.Initial(2)).State;
        var (paused, _) = TaskMachine.StepChanged(state, 0, SubtaskStatus.Fail, "look first", null);
        Assert.Equal(TaskRunStatus.Waiting, paused.Status);
        var failed = TaskMachine.Next(paused, 0).State;
        Assert.Equal((TaskRunStatus.Fail, "step 1 failed"), (failed.Status, failed.Reason));
    }

    [Fact]
    public void PauseAfterAFailedStep_EndsTheTask_WithTheStepsReason()
    {
        var state = TaskMachine.Start(TaskMachineState.Initial(2)).State;
        var (paused, _) = TaskMachine.StepChanged(state, 0, SubtaskStatus.Fail, "look first", "step 1 (a): 2 of 2 hosts failed: h1 exit 1, h2 exit 2");
        Assert.Null(paused.Reason);
        Assert.Equal("step 1 (a): 2 of 2 hosts failed: h1 exit 1, h2 exit 2", TaskMachine.Next(paused, 0).State.Reason);
    }

    [Fact]
    public void AStepTellingItsStatusAgain_ChangesNothing_NotEvenAPausedTask()
    {
        var state = TaskMachine.Start(TaskMachineState.Initial(2)).State;
        var (paused, effects) = TaskMachine.StepChanged(state, 0, SubtaskStatus.Success, "check", null);
        Assert.IsType<TaskEffect.WaitingEpisode>(Assert.Single(effects));
        var (again, none) = TaskMachine.StepChanged(paused, 0, SubtaskStatus.Success, "check", null);
        Assert.Same(paused, again);
        Assert.Empty(none);
    }

    [Theory]
    [InlineData(SubtaskStatus.Fail)]
    [InlineData(SubtaskStatus.Refuse)]
    public void AStepEndingWithoutAReason_StillNamesTheStep(string stepStatus)
    {
        var state = TaskMachine.Start(TaskMachineState.Initial(3)).State;
        state = TaskMachine.StepChanged(state, 0, SubtaskStatus.Success, null, null).State;
        var ended = TaskMachine.StepChanged(state, 1, stepStatus, null, null).State;
        Assert.Equal("step 2 failed", ended.Reason);
    }

    [Fact]
    public void Kill_FailsTheTask_AndAbortsTheCurrentStep()
    {
        var state = TaskMachine.Start(TaskMachineState.Initial(2)).State;
        var (killed, effects) = TaskMachine.Kill(state, "killed by root");
        Assert.Equal(TaskRunStatus.Fail, killed.Status);
        Assert.Equal("killed by root", killed.Reason);
        Assert.Equal(new TaskEffect.AbortStep(0, "killed by root"), effects[0]);
        Assert.Empty(TaskMachine.Kill(killed, "again").Effects);
    }

    [Fact]
    public void Refusal_AtStart_FailsWithTheReason_AndRunsNothing()
    {
        var (failed, effects) = TaskMachine.Refuse(TaskMachineState.Initial(2), "variable undef:version");
        Assert.Equal(TaskRunStatus.Fail, failed.Status);
        Assert.Equal("variable undef:version", failed.Reason);
        Assert.DoesNotContain(effects, e => e is TaskEffect.StartStep);
    }

    [Fact]
    public void ATaskWithoutSteps_SucceedsAtOnce() =>
        Assert.Equal(TaskRunStatus.Success, TaskMachine.Start(TaskMachineState.Initial(0)).State.Status);
}
