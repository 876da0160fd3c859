using OpenC3.Grains.Abstractions.Catalog;

namespace OpenC3.Grains.Catalog;

/// <summary>The shared half of the tree-row grains: naming a row for the audit log and soft-deleting it.</summary>
public abstract class TreeRowsGrain(TreeRowTable table) : Grain, ITreeRowsGrain
{
    protected TreeRowTable Rows => table;

    public Task<string?> LabelOf(long treeId, long id) => table.LabelOfAsync(treeId, id);

    public virtual Task<bool> Delete(long treeId, long id, string user) => table.DeleteAsync(treeId, id, user);
}

/// <summary>Tree rows that are one value each (accounts, recipients): adding is inserting that value.</summary>
public abstract class TreeValuesGrain(TreeRowTable table) : TreeRowsGrain(table), ITreeValuesGrain
{
    public async Task<string?> Add(long treeId, string value, string user) =>
        await Rows.InsertAsync(treeId, value, new Dictionary<string, object?>(), user) is null ? $"{value} already exists" : null;
}
