using OpenC3.Grains.Abstractions.Common;
using Orleans.Storage;

namespace OpenC3.Grains.Storage;

/// <summary>
/// The grain storage, with a database that cannot work now reported as a <see cref="StorageUnavailableException"/>.
/// Needed beside <see cref="StorageFaultFilter"/>: a grain reads its state while it activates, before any call filter runs.
/// </summary>
public sealed class StorageFaultGrainStorage(IGrainStorage storage) : IGrainStorage, ILifecycleParticipant<ISiloLifecycle>
{
    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        StorageFault.TranslateAsync(() => storage.ReadStateAsync(stateName, grainId, grainState));

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        StorageFault.TranslateAsync(() => storage.WriteStateAsync(stateName, grainId, grainState));

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        StorageFault.TranslateAsync(() => storage.ClearStateAsync(stateName, grainId, grainState));

    public void Participate(ISiloLifecycle observer) => (storage as ILifecycleParticipant<ISiloLifecycle>)?.Participate(observer);
}
