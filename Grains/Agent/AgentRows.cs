using OpenC3.Grains.Abstractions.Agent;

namespace OpenC3.Grains.Agent;

/// <summary>
/// Rows of the agent tables as Dapper fills them: settable properties, so MySQL's INT UNSIGNED (UInt32) and
/// SQLite's Int64 both convert, which positional records do not.
/// </summary>
internal sealed class RegionRow
{
    public long Id { get; set; }

    public string Name { get; set; } = string.Empty;

    public long ProjectId { get; set; }

    public string CreateTime { get; set; } = string.Empty;

    public const string Columns = "r.id AS Id, r.name AS Name, r.projectid AS ProjectId, r.create_time AS CreateTime";

    public AgentRegion ToRegion() => new(Id, Name, ProjectId, CreateTime);
}

/// <summary>A proxy or a subnet row: both tables carry the check loop's columns.</summary>
internal sealed class CheckedRow
{
    public long Id { get; set; }

    public long RegionId { get; set; }

    public string Ip { get; set; } = string.Empty;

    public string Status { get; set; } = string.Empty;

    public string? Version { get; set; }

    public string EditTime { get; set; } = string.Empty;

    public long Fail { get; set; }

    public string? Reason { get; set; }

    /// <summary>The columns of table alias <paramref name="alias"/>; <paramref name="region"/> says where the region id comes from.</summary>
    public static string Columns(string alias, string region) =>
        $"{alias}.id AS Id, {region} AS RegionId, {alias}.ip AS Ip, {alias}.status AS Status, {alias}.version AS Version, {alias}.edit_time AS EditTime, {alias}.fail AS Fail, {alias}.reason AS Reason";

    public AgentProxy ToProxy() => new(Id, RegionId, Ip, Status, Version, EditTime, Fail, Reason);

    public AgentSubnet ToSubnet() => new(Id, Ip, Status, Version, EditTime, Fail, Reason);
}

internal sealed class StatusCountRow
{
    public long RegionId { get; set; }

    public string Status { get; set; } = string.Empty;

    public long Count { get; set; }
}

internal sealed class BindingRow
{
    public long Id { get; set; }

    public long RegionId { get; set; }
}
