using OpenC3.Api.Infrastructure;
using OpenC3.Grains.Abstractions.Catalog;

namespace OpenC3.Api.Job;

/// <summary>
/// The write routes scripts and node groups share: `POST /x/:treeid` creates, `POST /x/:treeid/:id` edits,
/// `DELETE /x/:treeid/:id` soft-deletes; each checks the point on the node, validates, audits
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

    public async Task<IResult> CreateAsync(string treeid, HttpContext context, IGrainFactory grains)
    {
        var access = await context.CheckAsync(treeid, Points.JobWrite);
        if (access.Denied is { } denied)
        {
            return denied;
        }

        var (draft, failure) = DraftOf(await RequestParams.ReadAsync(context.Request));
        if (failure is not null)
        {
            return Reply.Fail(failure);
        }

        var caller = Caller.Required(context);
        await AuditTrail.RecordAsync(grains, caller, $"CREATE {Audit}", $"TREEID:{access.TreeId} NAME:{NameOf(draft!)}");
        return Answer(await Create(grains, access.TreeId, draft!, caller.User));
    }

    public async Task<IResult> UpdateAsync(string treeid, string id, HttpContext context, IGrainFactory grains)
    {
        var found = await FindAsync(treeid, id, Points.JobWrite, context, grains);
        var (draft, failure) = DraftOf(await RequestParams.ReadAsync(context.Request));
        if ((found.Failure ?? (failure is null ? null : Reply.Fail(failure))) is { } refused)
        {
            return refused;
        }

        var caller = Caller.Required(context);
        await AuditTrail.RecordAsync(grains, caller, $"EDIT {Audit}", $"TREEID:{found.TreeId} NAME:{found.Row!.Name}");
        return Answer(await Update(grains, found.TreeId, found.Row.Id, draft!, caller.User));
    }

    public async Task<IResult> DeleteAsync(string treeid, string id, HttpContext context, IGrainFactory grains)
    {
        var found = await FindAsync(treeid, id, Points.JobDelete, context, grains);
        if (found.Failure is { } failure)
        {
            return failure;
        }

        var caller = Caller.Required(context);
        await AuditTrail.RecordAsync(grains, caller, $"DELETE {Audit}", $"TREEID:{found.TreeId} NAME:{found.Row!.Name}");
        return await Delete(grains, found.TreeId, found.Row.Id, caller.User) is null ? NotFound() : Reply.Ok(true);
    }

    /// <summary>Checks the tree node and the point, then the id (digits, else upstream's message), then finds the row.</summary>
    public async Task<(IResult? Failure, long TreeId, TRow? Row)> FindAsync(string treeid, string id, string point, HttpContext context, IGrainFactory grains)
    {
        var access = await context.CheckAsync(treeid, point);
        if (access.Denied is { } denied)
        {
            return (denied, access.TreeId, null);
        }

        if (TreeIds.TryParse(id) is not { } rowId)
        {
            return (Reply.Fail(TreeIds.FormatError(IdField)), access.TreeId, null);
        }

        var row = await Find(grains, access.TreeId, rowId);
        return (row is null ? NotFound() : null, access.TreeId, row);
    }

    private IResult NotFound() => Reply.Fail($"{Noun} not found");

    private static IResult Answer(CatalogChange change) => change.Succeeded ? Reply.Ok(true) : Reply.Fail(change.Error!);
}
