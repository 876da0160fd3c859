namespace OpenC3.Grains.Abstractions.Connector;

/// <summary>Global and per-node permission levels (`openc3_connector_userauth`, `_userauthtree`) and private nodes.</summary>
[Alias("openc3.IGrantsGrain")]
public interface IGrantsGrain : IGrainWithIntegerKey
{
    Task<IReadOnlyList<GlobalGrant>> ListGlobal();

    Task SetGlobal(string user, int level);

    Task<bool> DeleteGlobal(string user);

    Task<IReadOnlyList<TreeGrant>> ListTree();

    /// <summary>Grants <paramref name="level"/> on a node; error text when the node does not exist.</summary>
    Task<string?> SetTree(string user, long treeId, int level);

    Task<bool> DeleteTree(long id);

    Task<IReadOnlyList<PrivateNode>> ListPrivate();

    /// <summary>The user's private node id (> 4000000000), created on first use.</summary>
    Task<long> EnsurePrivate(string user, string editor);
}

[GenerateSerializer, Immutable, Alias("openc3.GlobalGrant")]
public sealed record GlobalGrant([property: Id(0)] string Name, [property: Id(1)] int Level);

[GenerateSerializer, Immutable, Alias("openc3.TreeGrant")]
public sealed record TreeGrant([property: Id(0)] long Id, [property: Id(1)] string Name, [property: Id(2)] long Tree, [property: Id(3)] int Level, [property: Id(4)] string? TreeName);

[GenerateSerializer, Immutable, Alias("openc3.PrivateNode")]
public sealed record PrivateNode([property: Id(0)] long Id, [property: Id(1)] string User, [property: Id(2)] string EditTime, [property: Id(3)] string EditUser);
