using OpenC3.Grains.Abstractions.Common;
using Orleans.Storage;

namespace OpenC3.Grains.Storage;

/// <summary>The grain storage, with the state read of a grain its activating call names as new (<see cref="NewGrainHint"/>) skipped.</summary>
public sealed class NewGrainStorage(IGrainStorage storage) : IGrainStorage, ILifecycleParticipant<ISiloLifecycle>
{
    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        if (!NewGrainHint.IsNew(grainId))
        {
            return storage.ReadStateAsync(stateName, grainId, grainState);
        }

        grainState.State = Activator.CreateInstance<T>();
        grainState.ETag = null;
        grainState.RecordExists = false;
        return Task.CompletedTask;
    }

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) => storage.WriteStateAsync(stateName, grainId, grainState);

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) => storage.ClearStateAsync(stateName, grainId, grainState);

    public void Participate(ISiloLifecycle observer) => (storage as ILifecycleParticipant<ISiloLifecycle>)?.Participate(observer);
}
