using OpenC3.Api.Infrastructure;
using OpenC3.Grains.Abstractions.Catalog;

namespace OpenC3.Api.Job;

/// <summary>`/vv`: version variables hosts reported (`KEY:[value]` in task output), as rows, a table, values and shares.</summary>
public static class VvApi
{
    public static RouteGroupBuilder MapVvApi(this RouteGroupBuilder job)
    {
        job.MapGet("/vv/{treeid}", List).RequireProjectPoint(Points.JobRead);
        job.MapGet("/vv/{treeid}/table", Table).RequireProjectPoint(Points.JobRead);
        job.MapGet("/vv/{treeid}/list", Values).RequireProjectPoint(Points.JobRead);
        job.MapGet("/vv/{treeid}/analysis/version", VersionShares).RequireProjectPoint(Points.JobRead);
        job.MapDelete("/vv/{treeid}/{node}", DeleteNode).RequireProjectPoint(Points.JobDelete);
        return job;
    }

    private static async Task<IResult> List(HttpContext context, IGrainFactory grains)
    {
        var result = await FilteredAsync(context, grains);
        return result.Entries is { } entries
            ? Reply.Ok(entries.Select(e => new { id = e.Id, node = e.Node, name = e.Name, value = e.Value, update_time = e.UpdateTime }))
            : result.Denied!;
    }

    private static async Task<IResult> Table(HttpContext context, IGrainFactory grains)
    {
        var result = await FilteredAsync(context, grains);
        return result.Entries is { } entries ? Reply.Ok(VvShapes.Table(entries)) : result.Denied!;
    }

    private static async Task<IResult> Values(HttpContext context, IGrainFactory grains)
    {
        var treeId = context.TreeId();
        var input = await RequestParams.ReadAsync(context.Request);
        var name = input.Text("appname") is { Length: > 0 } app ? $"APP_{app}_VERSION" : null;
        return Reply.Ok(await grains.GetGrain<IVvGrain>(0).Values(treeId, name));
    }

    private static async Task<IResult> VersionShares(HttpContext context, IGrainFactory grains)
    {
        var treeId = context.TreeId();
        var shares = await grains.GetGrain<IVvGrain>(0).VersionShares(treeId);
        return Reply.Ok(shares.Select(s => new { name = s.Name, data = s.Data }));
    }

    private static async Task<IResult> DeleteNode(string node, HttpContext context, IGrainFactory grains)
    {
        var treeId = context.TreeId();
        if (node.Contains('\''))
        {
            return Reply.Fail("check format fail node format error");
        }

        await AuditTrail.RecordAsync(grains, Caller.Required(context), "DELETE VV", $"TREEID:{treeId} NODE:{node}");
        await grains.GetGrain<IVvGrain>(0).DeleteNode(treeId, node);
        return Reply.Ok("delete success");
    }

    /// <summary>The rows matching upstream's filters (node, exact name, update-time days), or the reply refusing them.</summary>
    private static async Task<(IReadOnlyList<VvEntry>? Entries, IResult? Denied)> FilteredAsync(HttpContext context, IGrainFactory grains)
    {
        var input = await RequestParams.ReadAsync(context.Request);
        var failure = new Check(input)
            .NoQuote("node", required: false)
            .NoQuote("name", required: false)
            .Optional("time_start", ResourceRoutes.DayPattern)
            .Optional("time_end", ResourceRoutes.DayPattern)
            .Failure;
        if (failure is not null)
        {
            return (null, Reply.Fail(failure));
        }

        var filter = new VvFilter(input.Text("node"), input.Text("name"), input.Text("time_start"), input.Text("time_end"));
        return (await grains.GetGrain<IVvGrain>(0).List(context.TreeId(), filter), null);
    }
}
