namespace OpenC3.Grains.Abstractions.Tasks;

/// <summary>
/// What an scp step copies, as snapshotted when its task starts: node groups are already resolved into
/// host lists, variables are still unsubstituted. The destination hosts are the step's node list.
/// </summary>
// The alias keeps the former name ScpStepPlan: Orleans names the type by it, so silos of the previous build still understand it.
[GenerateSerializer, Immutable, Alias("openc3.ScpStepPlan")]
public sealed record ScpStepDefinition(
    [property: Id(0)] string SrcType,
    [property: Id(1)] string Src,
    [property: Id(2)] string Sp,
    [property: Id(3)] string Dp,
    [property: Id(4)] string Chown,
    [property: Id(5)] string Chmod,
    [property: Id(6)] bool Mirror,
    [property: Id(7)] bool ToFileServer = false)
{
    /// <summary>The source is a file of the tree node's file server (<see cref="Sp"/> is its name), not hosts.</summary>
    public bool FromFileServer => SrcType == "fileserver";
}
