using OpenC3.Api.Infrastructure;
using OpenC3.Grains.Abstractions.Catalog;

namespace OpenC3.Api.Job;

/// <summary>
/// The write routes scripts and node groups share: `POST /x/:treeid` creates, `POST /x/:treeid/:id` edits,
/// `DELETE /x/:treeid/:id` soft-deletes; each (its route declaring the point) validates, audits
/// (`CREATE|EDIT|DELETE &lt;Audit&gt;`, `TREEID:n NAME:x`) and answers `data: true`.
/// </summary>
/// <param name="Noun">How errors name a row (`script not found`).</param>
/// <param name="IdField">The route id's name in upstream's validation message.</param>
/// <param name="Audit">The noun of the audit titles.</param>
/// <param name="DraftOf">Validates a create or edit request.</param>
/// <param name="NameOf">A draft's name, for the audit record.</param>
/// <param name="Find">The row of (tree node, id), or null.</param>
/// <param name="Create">Writes a new row.</param>
/// <param name="Update">Edits a row.</param>
/// <param name="Delete">Soft-deletes a row; null when it was not there.</param>
public sealed record CatalogResource<TDraft, TRow>(
    string Noun,
    string IdField,
    string Audit,
    Func<RequestParams, (TDraft? Draft, string? Failure)> DraftOf,
    Func<TDraft, string> NameOf,
    Func<IGrainFactory, long, long, Task<TRow?>> Find,
    Func<IGrainFactory, long, TDraft, string, Task<CatalogChange>> Create,
    Func<IGrainFactory, long, long, TDraft, string, Task<CatalogChange>> Update,
    Func<IGrainFactory, long, long, string, Task<string?>> Delete)
    where TRow : class, ICatalogItem
{
    /// <summary>Names get a deletion suffix later; the columns leave room for it.</summary>
    public const int MaxNameLength = 100;

    public async Task<IResult> CreateAsync(HttpContext context, IGrainFactory grains)
    {
        var treeId = context.TreeId();
        var (draft, failure) = DraftOf(await RequestParams.ReadAsync(context.Request));
        if (failure is not null)
        {
            return Reply.Fail(failure);
        }

        var caller = Caller.Required(context);
        await AuditTrail.RecordAsync(grains, caller, $"CREATE {Audit}", $"TREEID:{treeId} NAME:{NameOf(draft!)}");
        return Answer(await Create(grains, treeId, draft!, caller.User));
    }

    public async Task<IResult> UpdateAsync(string id, HttpContext context, IGrainFactory grains)
    {
        var found = await FindAsync(id, context, grains);
        var (draft, failure) = DraftOf(await RequestParams.ReadAsync(context.Request));
        if ((found.Failure ?? (failure is null ? null : Reply.Fail(failure))) is { } refused)
        {
            return refused;
        }

        var caller = Caller.Required(context);
        await AuditTrail.RecordAsync(grains, caller, $"EDIT {Audit}", $"TREEID:{found.TreeId} NAME:{found.Row!.Name}");
        return Answer(await Update(grains, found.TreeId, found.Row.Id, draft!, caller.User));
    }

    public async Task<IResult> DeleteAsync(string id, HttpContext context, IGrainFactory grains)
    {
        var found = await FindAsync(id, context, grains);
        if (found.Failure is { } failure)
        {
            return failure;
        }

        var caller = Caller.Required(context);
        await AuditTrail.RecordAsync(grains, caller, $"DELETE {Audit}", $"TREEID:{found.TreeId} NAME:{found.Row!.Name}");
        return await Delete(grains, found.TreeId, found.Row.Id, caller.User) is null ? NotFound() : Reply.Ok(true);
    }

    /// <summary>The id (digits, else upstream's message), then the row on the route's tree node.</summary>
    public async Task<(IResult? Failure, long TreeId, TRow? Row)> FindAsync(string id, HttpContext context, IGrainFactory grains)
    {
        var treeId = context.TreeId();
        if (TreeIds.TryParse(id) is not { } rowId)
        {
            return (Reply.Fail(TreeIds.FormatError(IdField)), treeId, null);
        }

        var row = await Find(grains, treeId, rowId);
        return (row is null ? NotFound() : null, treeId, row);
    }

    private IResult NotFound() => Reply.Fail($"{Noun} not found");

    private static IResult Answer(CatalogChange change) => change.Succeeded ? Reply.Ok(true) : Reply.Fail(change.Error!);
}
