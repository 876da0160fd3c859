using System.Globalization;
using OpenC3.Api.Infrastructure;
using OpenC3.Grains.Abstractions.Catalog;
using OpenC3.Grains.Abstractions.Execution;

namespace OpenC3.Api.Job;

/// <summary>
/// The file manager page (`/sendfile/list|unlink/:treeid`, `path` = `&lt;host&gt;/&lt;path on the host&gt;`): lists a
/// directory of, or removes a file on, a host placed on the node, as the `sudo` account. Upstream ran `ls -lh`/`rm`
/// through a shell and so refused most characters in `path`; here the path reaches the host on stdin, so any name
/// but one holding NUL is accepted. `..` is resolved by the host: the tree point governs which hosts, the account
/// which files.
/// </summary>
public static class SendFileApi
{
    /// <summary>The account a listing or removal runs as; sudo is used when it is not the SSH login.</summary>
    private const string AccountPattern = "^[A-Za-z0-9_-]+$";

    private const string AnyPathPattern = "^[\\s\\S]+$";

    public static RouteGroupBuilder MapSendFileApi(this RouteGroupBuilder job)
    {
        job.MapGet("/sendfile/list/{treeid}", List).RequirePoint(Points.JobWrite);
        job.MapGet("/sendile/list/{treeid}", List).RequirePoint(Points.JobWrite);
        job.MapPost("/sendfile/unlink/{treeid}", Unlink).RequirePoint(Points.JobWrite);
        return job;
    }

    private static async Task<IResult> List(HttpContext context, IGrainFactory grains)
    {
        var treeId = context.TreeId();
        var (target, refusal) = await TargetAsync(context, grains, treeId);
        if (target is null)
        {
            return Reply.Fail(refusal!);
        }

        var listing = await grains.GetGrain<IRemoteFilesGrain>(0).List(treeId, target.Host, target.Path, target.Account);
        if (listing.Error is not null)
        {
            return Reply.Fail(listing.Error);
        }

        var parent = new Dictionary<string, object> { ["type"] = "parent", ["info"] = "..", ["path"] = ".." };
        return Reply.Ok(listing.Entries.Select(e => Row(target.Host, e)).Prepend(parent));
    }

    private static async Task<IResult> Unlink(HttpContext context, IGrainFactory grains)
    {
        var treeId = context.TreeId();
        var (target, refusal) = await TargetAsync(context, grains, treeId);
        if (target is null)
        {
            return Reply.Fail(refusal!);
        }

        await AuditTrail.RecordAsync(grains, Caller.Required(context), "UNLINK FILE", $"TREEID:{treeId} SUDO:{target.Account} PATH:{target.Host}{target.Path}");
        var error = await grains.GetGrain<IRemoteFilesGrain>(0).Unlink(treeId, target.Host, target.Path, target.Account);
        return error is null ? Reply.Info("ok") : Reply.Fail(error);
    }

    /// <summary>The checked request: host on the node (node 0 is unguarded, as for tasks), path on that host, account.</summary>
    private static async Task<(Target? Target, string? Refusal)> TargetAsync(HttpContext context, IGrainFactory grains, long treeId)
    {
        var input = await RequestParams.ReadAsync(context.Request);
        if (!input.Has("path") && input.Text("paht") is { } misspelt)
        {
            input = input.With("path", misspelt);
        }

        if (new Check(input).Required("path", AnyPathPattern).Required("sudo", AccountPattern).Failure is { } failure)
        {
            return (null, failure);
        }

        var path = input.Text("path")!;
        var slash = path.IndexOf('/', StringComparison.Ordinal);
        var host = slash < 0 ? path : path[..slash];
        if (host.Length == 0)
        {
            return (null, "check format fail path format error");
        }

        if (treeId != 0 && MachineMembership.Outsiders(await grains.GetGrain<INodeInventoryGrain>(0).Machines(treeId), [host]).Count > 0)
        {
            return (null, $"the node not on tree: {host}");
        }

        return (new Target(host, slash < 0 ? "/" : "/" + path[(slash + 1)..], input.Text("sudo")!), null);
    }

    private static Dictionary<string, object> Row(string host, RemoteEntry entry)
    {
        var modified = DateTimeOffset.FromUnixTimeSeconds(entry.ModifiedUnixSeconds).ToLocalTime().ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
        var shown = entry.Type == "link" ? $"{entry.Name} -> {entry.LinkTarget}" : entry.Name;
        var row = new Dictionary<string, object>
        {
            ["info"] = string.Create(CultureInfo.InvariantCulture, $"{entry.Type} {entry.Mode} {entry.Size} {modified} {shown}"),
            ["host"] = host,
            ["type"] = entry.Type,
            ["path"] = entry.Name,
            ["size"] = entry.Size,
            ["mode"] = entry.Mode,
            ["mtime"] = modified,
        };
        if (entry.Type == "link")
        {
            row["link"] = entry.LinkTarget;
        }

        return row;
    }

    private sealed record Target(string Host, string Path, string Account);
}
