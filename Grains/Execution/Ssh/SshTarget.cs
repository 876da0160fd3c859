namespace OpenC3.Grains.Execution;

/// <summary>
/// A host to connect to, and the tree node it is reached for: the subnets bound at that node (its ancestors, node 0)
/// choose whether the connection goes through a region's proxies. No node: a direct connection (a proxy itself).
/// </summary>
public sealed record SshTarget(string Host, long? TreeId)
{
    public static SshTarget Direct(string host) => new(host, null);
}
