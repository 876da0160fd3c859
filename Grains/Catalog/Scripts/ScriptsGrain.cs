using Dapper;
using OpenC3.Grains.Abstractions.Catalog;
using OpenC3.Grains.Storage;
using Orleans.Concurrency;

namespace OpenC3.Grains.Catalog;

[StatelessWorker]
[GrainType("scripts")]
public sealed class ScriptsGrain(SqlDatabase database, TimeProvider clock) : Grain, IScriptsGrain
{
    private const string Table = "openc3_job_scripts";
    private const string Visible = "projectid IN (@treeId, 0) AND status = 'available'";

    private readonly CatalogWrites writes = new(database, clock, Table, "script", millisecondSuffix: false);

    public async Task<IReadOnlyList<ScriptSummary>> List(long treeId, CatalogFilter filter)
    {
        var jobNamePattern = JobNamePattern.For(filter.JobName);
        var parameters = new DynamicParameters(new { treeId });
        var conditions = CatalogConditions.Sql(filter, parameters);
        await using var connection = await database.OpenAsync();
        var jobNames = await CitationStore.JobNamesAsync(connection, treeId, CitationStore.ScriptCitations);
        var scripts = await connection.QueryAsync<ScriptRow>(
            $"SELECT {CatalogRow.Columns()}, projectid AS ProjectId, type AS Type FROM {Table} WHERE {Visible}{conditions} ORDER BY id", parameters);
        return scripts
            .Select(s => new ScriptSummary(s.Id, s.ProjectId, s.Name, s.Type, s.Authorship, jobNames.GetValueOrDefault(s.Id, string.Empty)))
            .Where(s => jobNamePattern.Matches(s.JobName))
            .ToList();
    }

    public async Task<Script?> Get(long treeId, long id)
    {
        await using var connection = await database.OpenAsync();
        var script = await connection.QuerySingleOrDefaultAsync<ScriptRow>(
            $"SELECT {CatalogRow.Columns()}, projectid AS ProjectId, type AS Type, cont AS Cont FROM {Table} WHERE id = @id AND {Visible}", new { treeId, id });
        return script is null ? null : new Script(script.Id, script.ProjectId, script.Name, script.Type, Base64Text.Decode(script.Cont), script.Authorship);
    }

    public Task<CatalogChange> Create(long treeId, ScriptDraft draft, string user) =>
        writes.InsertAsync(treeId, draft.Name, Fields(draft), user);

    public Task<CatalogChange> Update(long treeId, long id, ScriptDraft draft, string user) =>
        writes.UpdateAsync(treeId, id, draft.Name, Fields(draft), user);

    public Task<string?> Delete(long treeId, long id, string user) => writes.DeleteAsync(treeId, id, user);

    private static Dictionary<string, object> Fields(ScriptDraft draft) => new()
    {
        ["type"] = draft.Type,
        ["cont"] = Base64Text.Encode(draft.Cont),
    };

    private sealed class ScriptRow : CatalogRow
    {
        public long ProjectId { get; set; }

        public string Type { get; set; } = string.Empty;

        public string Cont { get; set; } = string.Empty;
    }
}
