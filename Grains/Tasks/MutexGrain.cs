using OpenC3.Grains.Abstractions.Tasks;

namespace OpenC3.Grains.Tasks;

/// <summary>
/// Admits one unfinished task per (tree node, mutex name); a second one fails at start, as upstream
/// (no queueing). A holder that has finished, or never got past its start (a crash between taking the
/// mutex and saving the task), no longer counts, so a lost release cannot lock the name forever.
/// </summary>
[GrainType("mutex")]
public sealed class MutexGrain([PersistentState("mutex")] IPersistentState<MutexState> state) : Grain, IMutexGrain
{
    public async Task<string?> Acquire(string taskUuid)
    {
        var holder = state.State.Holder;
        if (holder == taskUuid)
        {
            return null;
        }

        if (holder is not null && await GrainFactory.GetGrain<ITaskGrain>(holder).Get() is { } task && !TaskRunStatus.IsFinal(task.Status))
        {
            return holder;
        }

        state.State.Holder = taskUuid;
        await state.WriteStateAsync();
        return null;
    }

    public async Task Release(string taskUuid)
    {
        if (state.State.Holder != taskUuid)
        {
            return;
        }

        state.State.Holder = null;
        await state.WriteStateAsync();
    }
}
