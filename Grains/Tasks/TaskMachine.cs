using OpenC3.Grains.Subtasks;

namespace OpenC3.Grains.Tasks;

/// <summary>The part of a task's state the machine decides on.</summary>
/// <param name="CurrentStepReason">Why the current step failed, kept while a pause holds the task before it ends.</param>
public sealed record TaskMachineState(string Status, int StepCount, int Current, string? CurrentStepStatus, int? AwaitingNext, string? Reason, string? CurrentStepReason = null)
{
    public static TaskMachineState Initial(int stepCount) => new(TaskRunStatus.Init, stepCount, -1, null, null, null);
}

/// <summary>What the grain must do after a transition.</summary>
public abstract record TaskEffect
{
    public sealed record StartStep(int Index) : TaskEffect;

    public sealed record AbortStep(int Index, string Reason) : TaskEffect;

    /// <summary>The task entered `waiting` (a decision or a pause): notify once per episode.</summary>
    public sealed record WaitingEpisode : TaskEffect;

    public sealed record Finished(string Status) : TaskEffect;
}

/// <summary>
/// A task as a pure state machine: steps run in order; a step in `decision` or a step's `pause`
/// puts the task in `waiting`; `success` and `ignore` move on, `fail` and `refuse` end the task.
/// </summary>
public static class TaskMachine
{
    public static (TaskMachineState State, IReadOnlyList<TaskEffect> Effects) Start(TaskMachineState state)
    {
        if (state.Status != TaskRunStatus.Init)
        {
            return (state, []);
        }

        return Advance(state with { Status = TaskRunStatus.Running }, from: 0);
    }

    /// <summary>The task cannot run at all (mutex held, undefined variables, too many runs …).</summary>
    public static (TaskMachineState State, IReadOnlyList<TaskEffect> Effects) Refuse(TaskMachineState state, string reason) =>
        TaskRunStatus.IsFinal(state.Status) ? (state, []) : Finish(state with { Reason = state.Reason ?? reason }, TaskRunStatus.Fail);

    /// <param name="pause">The step's pause text: non-empty makes the task wait for `next` once the step ends.</param>
    public static (TaskMachineState State, IReadOnlyList<TaskEffect> Effects) StepChanged(TaskMachineState state, int index, string stepStatus, string? pause, string? reason)
    {
        // A repeat (a step tells its status again after a storage fault, or to the watchdog) changes nothing.
        if (TaskRunStatus.IsFinal(state.Status) || index != state.Current || stepStatus == state.CurrentStepStatus)
        {
            return (state, []);
        }

        var current = state with { CurrentStepStatus = stepStatus, CurrentStepReason = reason };
        switch (stepStatus)
        {
            case SubtaskStatus.Decision:
                return state.Status == TaskRunStatus.Waiting ? (current, []) : (current with { Status = TaskRunStatus.Waiting }, [new TaskEffect.WaitingEpisode()]);
            case SubtaskStatus.Running:
                return (current with { Status = TaskRunStatus.Running }, []);
            case SubtaskStatus.Refuse:
                return Finish(current with { Reason = state.Reason ?? reason ?? StepFailed(index) }, TaskRunStatus.Refuse);
            case SubtaskStatus.Success or SubtaskStatus.Ignore or SubtaskStatus.Fail when !string.IsNullOrEmpty(pause):
                return (current with { Status = TaskRunStatus.Waiting, AwaitingNext = index }, [new TaskEffect.WaitingEpisode()]);
            case SubtaskStatus.Fail:
                return Finish(current with { Reason = state.Reason ?? reason ?? StepFailed(index) }, TaskRunStatus.Fail);
            case SubtaskStatus.Success or SubtaskStatus.Ignore:
                return Advance(current, from: index + 1);
            default:
                return (state, []);
        }
    }

    /// <summary>`next` on a paused step lets the task go on (or end, when that step failed).</summary>
    public static (TaskMachineState State, IReadOnlyList<TaskEffect> Effects) Next(TaskMachineState state, int index)
    {
        if (state.AwaitingNext != index || TaskRunStatus.IsFinal(state.Status))
        {
            return (state, []);
        }

        var resumed = state with { AwaitingNext = null, Status = TaskRunStatus.Running };
        return state.CurrentStepStatus == SubtaskStatus.Fail
            ? Finish(resumed with { Reason = state.Reason ?? state.CurrentStepReason ?? StepFailed(index) }, TaskRunStatus.Fail)
            : Advance(resumed, from: index + 1);
    }

    public static (TaskMachineState State, IReadOnlyList<TaskEffect> Effects) Kill(TaskMachineState state, string reason)
    {
        if (TaskRunStatus.IsFinal(state.Status))
        {
            return (state, []);
        }

        var (finished, effects) = Finish(state with { Reason = state.Reason ?? reason }, TaskRunStatus.Fail);
        return state.Current >= 0 ? (finished, [new TaskEffect.AbortStep(state.Current, reason), .. effects]) : (finished, effects);
    }

    private static (TaskMachineState, IReadOnlyList<TaskEffect>) Advance(TaskMachineState state, int from)
    {
        if (from >= state.StepCount)
        {
            return Finish(state with { Current = state.StepCount - 1 }, TaskRunStatus.Success);
        }

        return (state with { Status = TaskRunStatus.Running, Current = from, CurrentStepStatus = null }, [new TaskEffect.StartStep(from)]);
    }

    /// <summary>The last resort when a step ended without saying why: at least which step.</summary>
    private static string StepFailed(int index) => $"step {index + 1} failed";

    private static (TaskMachineState, IReadOnlyList<TaskEffect>) Finish(TaskMachineState state, string status) =>
        (state with { Status = status, AwaitingNext = null }, [new TaskEffect.Finished(status)]);
}
