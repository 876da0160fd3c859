namespace OpenC3.Grains.Abstractions.Tasks;

/// <summary>
/// An scp step with dst_type `fileserver`: the source host's file is stored as <see cref="Name"/> among the files
/// of tree node <see cref="ProjectId"/>, recorded as uploaded by <see cref="User"/> (the task's user), as upstream.
/// </summary>
[GenerateSerializer, Immutable, Alias("openc3.FileServerDestination")]
public sealed record FileServerDestination(
    [property: Id(0)] long ProjectId,
    [property: Id(1)] string Name,
    [property: Id(2)] string User)
{
    /// <summary>The step's one destination, as its log and results name it (upstream copies to 127.0.0.1 first).</summary>
    public const string HostLabel = "fileserver";
}
