namespace OpenC3.Grains.Abstractions.Catalog;

/// <summary>
/// A short-lived download link; the key is the link's unguessable name. It remembers which file of which node
/// it stands for, in memory only: a link outlives neither its lifetime nor its silo (the page asks for another).
/// </summary>
[Alias("openc3.IDownloadLinkGrain")]
public interface IDownloadLinkGrain : IGrainWithStringKey
{
    Task Offer(DownloadTarget target, TimeSpan lifetime);

    /// <summary>The file this link stands for, or null when the link was never offered or has expired.</summary>
    Task<DownloadTarget?> Resolve();
}

[GenerateSerializer, Immutable, Alias("openc3.DownloadTarget")]
public sealed record DownloadTarget([property: Id(0)] long TreeId, [property: Id(1)] string Name);
