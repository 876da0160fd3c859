using OpenC3.Grains.Abstractions.Common;

namespace OpenC3.Grains.Storage;

/// <summary>The product's drivers' faults, as <see cref="StorageFault"/> tells them.</summary>
public sealed class StorageFaults : IStorageFaults
{
    public string? Describe(Exception error) => StorageFault.Describe(error);
}
