namespace OpenC3.Grains.Abstractions.Catalog;

/// <summary>Rows that belong to one tree node and are removed one at a time: machines, accounts, recipients, tokens, files.</summary>
[Alias("openc3.ITreeRowsGrain")]
public interface ITreeRowsGrain : IGrainWithIntegerKey
{
    /// <summary>What the audit log names the row by (name, user, description …); null when the node has no such row.</summary>
    Task<string?> LabelOf(long treeId, long id);

    /// <summary>Removes the row (soft delete: status `deleted`, unique name suffixed); false when the node has no such row.</summary>
    Task<bool> Delete(long treeId, long id, string user);
}

/// <summary>Tree rows that are one value each (an account name, a recipient), added by that value.</summary>
[Alias("openc3.ITreeValuesGrain")]
public interface ITreeValuesGrain : ITreeRowsGrain
{
    /// <summary>Adds the value to the node; an error text when the node already has it.</summary>
    Task<string?> Add(long treeId, string value, string user);
}

/// <summary>Upstream's filters on the audit columns: exact create/edit user and a create-time day range (`YYYY-MM-DD`).</summary>
[GenerateSerializer, Immutable, Alias("openc3.RowFilter")]
public sealed record RowFilter(
    [property: Id(0)] string? CreateUser = null,
    [property: Id(1)] string? EditUser = null,
    [property: Id(2)] string? CreateTimeStart = null,
    [property: Id(3)] string? CreateTimeEnd = null);
