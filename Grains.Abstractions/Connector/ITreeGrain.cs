namespace OpenC3.Grains.Abstractions.Connector;

/// <summary>The built-in service tree: nodes with dotted full names (`a.b.c`) and depth.</summary>
[Alias("openc3.ITreeGrain")]
public interface ITreeGrain : IGrainWithIntegerKey
{
    Task<IReadOnlyList<TreeNode>> List();

    /// <summary>Adds a node under <paramref name="parentId"/> (null = a root); returns its id or an error.</summary>
    Task<TreeChange> Add(long? parentId, string name);

    /// <summary>Deletes a leaf; returns an error text for anything else.</summary>
    Task<string?> Delete(long id);
}

[GenerateSerializer, Immutable, Alias("openc3.TreeNode")]
public sealed record TreeNode([property: Id(0)] long Id, [property: Id(1)] string Name, [property: Id(2)] int Len, [property: Id(3)] string UpdateTime);

[GenerateSerializer, Immutable, Alias("openc3.TreeChange")]
public sealed record TreeChange([property: Id(0)] long? Id, [property: Id(1)] string? Error);
