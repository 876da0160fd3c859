namespace OpenC3.Grains.Abstractions.Connector;

/// <summary>
/// The one authorization service: may (user, point) act on this tree node? A single activation holds
/// grants, tree and private nodes in memory and is told to reload whenever any of them changes, so
/// every API host sees a grant change on its next check.
/// </summary>
[Alias("openc3.IAccessGrain")]
public interface IAccessGrain : IGrainWithIntegerKey
{
    /// <summary>1 allowed, 0 denied, null when the point is not a known permission point.</summary>
    [Orleans.Concurrency.ReadOnly]
    Task<bool?> Check(string user, string point, long treeId);

    /// <summary>The user's global level (0–3), or null without a global grant.</summary>
    [Orleans.Concurrency.ReadOnly]
    Task<int?> GlobalLevel(string user);

    /// <summary>Tree nodes the user holds a grant on, directly (their ancestors and descendants are visible too).</summary>
    [Orleans.Concurrency.ReadOnly]
    Task<IReadOnlyList<long>> GrantedNodes(string user);

    Task Invalidate();
}
