namespace OpenC3.Grains.Execution;

/// <summary>The path to a host through a region's SSH jump hosts, tried in the order given.</summary>
public sealed record ProxyRoute(long RegionId, string RegionName, IReadOnlyList<string> Proxies);
