namespace OpenC3.Api.Infrastructure;

/// <summary>The outcome of checking a `:treeid` route value and the caller's point on that node.</summary>
public sealed record TreeAccess(long TreeId, IResult? Denied)
{
    public bool Allowed => Denied is null;
}

/// <summary>
/// Most module routes are scoped to a tree node (`/jobs/:treeid`, `/scripts/:treeid` …): the id must be
/// digits (upstream's validation message otherwise) and the caller must hold the point there.
/// </summary>
public static class TreeGuard
{
    public static async Task<TreeAccess> CheckAsync(this HttpContext context, string treeId, string point, string field = "treeid")
    {
        if (TreeIds.TryParse(treeId) is not { } id)
        {
            return new TreeAccess(0, Reply.Fail(TreeIds.FormatError(field)));
        }

        return await context.AllowsAsync(point, id) ? new TreeAccess(id, null) : new TreeAccess(id, Reply.Unauthorized());
    }
}
