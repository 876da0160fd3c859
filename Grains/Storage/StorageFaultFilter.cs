using OpenC3.Grains.Abstractions.Common;

namespace OpenC3.Grains.Storage;

/// <summary>
/// A grain call that failed because the database cannot work now leaves the silo as a
/// <see cref="StorageUnavailableException"/>: the driver's exception cannot cross to a client.
/// </summary>
public sealed class StorageFaultFilter : IIncomingGrainCallFilter
{
    public Task Invoke(IIncomingGrainCallContext context) => StorageFault.TranslateAsync(context.Invoke);
}
