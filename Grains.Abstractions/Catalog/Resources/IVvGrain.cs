namespace OpenC3.Grains.Abstractions.Catalog;

/// <summary>Version variables (`openc3_job_vv`): values hosts reported as `KEY:[value]`, one per (node, name).</summary>
[Alias("openc3.IVvGrain")]
public interface IVvGrain : IGrainWithIntegerKey
{
    Task<IReadOnlyList<VvEntry>> List(long treeId, VvFilter filter);

    /// <summary>Distinct values, newest first, of every name or of <paramref name="name"/>, without `Do_…` values.</summary>
    Task<IReadOnlyList<string>> Values(long treeId, string? name);

    /// <summary>For `VERSION` and each `APP_x_VERSION`, the share (percent, two decimals) of each value over the last 365 days.</summary>
    Task<IReadOnlyList<VersionShare>> VersionShares(long treeId);

    Task<int> DeleteNode(long treeId, string node);
}

[GenerateSerializer, Immutable, Alias("openc3.VvEntry")]
public sealed record VvEntry([property: Id(0)] long Id, [property: Id(1)] string Node, [property: Id(2)] string Name, [property: Id(3)] string Value, [property: Id(4)] string UpdateTime);

/// <summary>Exact node and name, and an update-time day range (`YYYY-MM-DD`).</summary>
[GenerateSerializer, Immutable, Alias("openc3.VvFilter")]
public sealed record VvFilter([property: Id(0)] string? Node, [property: Id(1)] string? Name, [property: Id(2)] string? TimeStart, [property: Id(3)] string? TimeEnd);

[GenerateSerializer, Immutable, Alias("openc3.VersionShare")]
public sealed record VersionShare([property: Id(0)] string Name, [property: Id(1)] IReadOnlyDictionary<string, string> Data);
