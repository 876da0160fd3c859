namespace OpenC3.Api.Infrastructure;

/// <summary>The tree node of a route that declares a tree point, validated and checked by <see cref="AccessFilter"/>.</summary>
public static class BoundTreeNode
{
    private const string ItemKey = "openc3.treeid";

    public static long TreeId(this HttpContext context) =>
        context.Items.TryGetValue(ItemKey, out var value) && value is long id
            ? id
            : throw new InvalidOperationException("Endpoint declares no tree point.");

    public static void Bind(HttpContext context, long treeId) => context.Items[ItemKey] = treeId;
}
