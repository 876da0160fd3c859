namespace OpenC3.Grains.Abstractions.Catalog;

/// <summary>Reusable scripts (`openc3_job_scripts`); those of node 0 are global and visible everywhere.</summary>
[Alias("openc3.IScriptsGrain")]
public interface IScriptsGrain : IGrainWithIntegerKey
{
    /// <summary>Available scripts of the node and of node 0, by id.</summary>
    Task<IReadOnlyList<ScriptSummary>> List(long treeId, CatalogFilter filter);

    /// <summary>An available script of the node or of node 0, its content decoded.</summary>
    Task<Script?> Get(long treeId, long id);

    Task<CatalogChange> Create(long treeId, ScriptDraft draft, string user);

    /// <summary>Edits an available script of exactly this node.</summary>
    Task<CatalogChange> Update(long treeId, long id, ScriptDraft draft, string user);

    /// <summary>Soft-deletes an available script of exactly this node; returns its former name, or null.</summary>
    Task<string?> Delete(long treeId, long id, string user);
}

[GenerateSerializer, Immutable, Alias("openc3.ScriptDraft")]
public sealed record ScriptDraft([property: Id(0)] string Name, [property: Id(1)] string Type, [property: Id(2)] string Cont);

[GenerateSerializer, Immutable, Alias("openc3.ScriptSummary")]
public sealed record ScriptSummary(
    [property: Id(0)] long Id,
    [property: Id(1)] long ProjectId,
    [property: Id(2)] string Name,
    [property: Id(3)] string Type,
    [property: Id(4)] Authorship Authorship,
    [property: Id(5)] string JobName);

[GenerateSerializer, Immutable, Alias("openc3.Script")]
public sealed record Script(
    [property: Id(0)] long Id,
    [property: Id(1)] long ProjectId,
    [property: Id(2)] string Name,
    [property: Id(3)] string Type,
    [property: Id(4)] string Cont,
    [property: Id(5)] Authorship Authorship) : ICatalogItem;
