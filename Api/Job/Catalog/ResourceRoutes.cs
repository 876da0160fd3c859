using OpenC3.Api.Infrastructure;
using OpenC3.Grains.Abstractions.Catalog;

namespace OpenC3.Api.Job;

/// <summary>What the tree-scoped resource routes share: their point declaration, the audit-column filters, deleting one row.</summary>
public static class ResourceRoutes
{
    /// <summary>Upstream's JOB module calls the `:treeid` of these routes `projectid` in its messages.</summary>
    public const string TreeField = "projectid";

    public const string DayPattern = @"^\d{4}\-\d{2}\-\d{2}$";

    /// <summary>The route's point on its `:treeid`, which these routes' messages call `projectid`.</summary>
    public static TBuilder RequireProjectPoint<TBuilder>(this TBuilder builder, string point, string? privateNodeFallback = null)
        where TBuilder : IEndpointConventionBuilder =>
        builder.RequirePoint(point, field: TreeField, privateNodeFallback: privateNodeFallback);

    /// <summary>Upstream's checks of the filters resource lists take: users without quotes, `YYYY-MM-DD` days.</summary>
    public static Check RowFilters(this Check check) =>
        check.NoQuote("create_user", required: false)
            .NoQuote("edit_user", required: false)
            .Optional("create_time_start", DayPattern)
            .Optional("create_time_end", DayPattern);

    public static RowFilter Rows(RequestParams input) =>
        new(input.Text("create_user"), input.Text("edit_user"), input.Text("create_time_start"), input.Text("create_time_end"));

    /// <summary>A `format error` for the first field longer than its column allows, else null.</summary>
    public static string? Oversized(RequestParams input, params (string Field, int MaxLength)[] limits) =>
        limits.Where(l => input.Text(l.Field)?.Length > l.MaxLength).Select(l => $"check format fail {l.Field} format error").FirstOrDefault();

    /// <summary>
    /// `POST /&lt;resource&gt;/:treeid {&lt;field&gt;}` for lists of single values (accounts, recipients):
    /// checks the value, audits `TREEID:&lt;t&gt; &lt;LABEL&gt;:&lt;value&gt;`, answers `data: true`.
    /// </summary>
    public static async Task<IResult> AddValueAsync<TGrain>(
        HttpContext context, IGrainFactory grains, (string Name, string Pattern, int MaxLength) field, string title, string label)
        where TGrain : ITreeValuesGrain
    {
        var treeId = context.TreeId();
        var input = await RequestParams.ReadAsync(context.Request);
        if ((new Check(input).Required(field.Name, field.Pattern).Failure ?? Oversized(input, (field.Name, field.MaxLength))) is { } failure)
        {
            return Reply.Fail(failure);
        }

        var value = input.Text(field.Name)!;
        var caller = Caller.Required(context);
        await AuditTrail.RecordAsync(grains, caller, title, $"TREEID:{treeId} {label}:{value}");
        var error = await grains.GetGrain<TGrain>(0).Add(treeId, value, caller.User);
        return error is null ? Reply.Ok(true) : Reply.Fail(error);
    }

    /// <summary>
    /// `DELETE /&lt;resource&gt;/:treeid/:id`: audits `TREEID:&lt;t&gt; &lt;LABEL&gt;:&lt;name&gt;` and answers
    /// `data: true`, or `data: false` when the node has no such row (nothing to audit then).
    /// </summary>
    public static async Task<IResult> DeleteRowAsync<TGrain>(HttpContext context, IGrainFactory grains, string id, string title, string label)
        where TGrain : ITreeRowsGrain
    {
        var treeId = context.TreeId();
        if (TreeIds.TryParse(id) is not { } rowId)
        {
            return Reply.Fail(TreeIds.FormatError("id"));
        }

        var rows = grains.GetGrain<TGrain>(0);
        if (await rows.LabelOf(treeId, rowId) is not { } name)
        {
            return Reply.Ok(false);
        }

        var caller = Caller.Required(context);
        await AuditTrail.RecordAsync(grains, caller, title, $"TREEID:{treeId} {label}:{name}");
        return Reply.Ok(await rows.Delete(treeId, rowId, caller.User));
    }
}
