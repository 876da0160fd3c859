namespace OpenC3.Grains.Abstractions.Catalog;

/// <summary>
/// The filters every catalog list of upstream takes: a name substring, exact creator/editor, and
/// inclusive `YYYY-MM-DD` day ranges on creation and edit time. Null means "no filter".
/// </summary>
[GenerateSerializer, Immutable, Alias("openc3.CatalogFilter")]
public sealed record CatalogFilter
{
    [Id(0)]
    public string? Name { get; init; }

    [Id(1)]
    public string? CreateUser { get; init; }

    [Id(2)]
    public string? EditUser { get; init; }

    [Id(3)]
    public string? CreateTimeStart { get; init; }

    [Id(4)]
    public string? CreateTimeEnd { get; init; }

    [Id(5)]
    public string? EditTimeStart { get; init; }

    [Id(6)]
    public string? EditTimeEnd { get; init; }

    /// <summary>Scripts and node groups: a regular expression on the CSV of permanent jobs citing the row.</summary>
    [Id(7)]
    public string? JobName { get; init; }

    /// <summary>Node groups only: the plugin, exactly.</summary>
    [Id(8)]
    public string? Plugin { get; init; }
}

/// <summary>A row of a tree node's catalog addressed by id (a script, a node group).</summary>
public interface ICatalogItem
{
    long Id { get; }

    string Name { get; }
}

/// <summary>Who made a catalog row and when (`YYYY-MM-DD HH:MM:SS`).</summary>
[GenerateSerializer, Immutable, Alias("openc3.Authorship")]
public sealed record Authorship(
    [property: Id(0)] string CreateUser,
    [property: Id(1)] string CreateTime,
    [property: Id(2)] string EditUser,
    [property: Id(3)] string EditTime);

/// <summary>A write's outcome: the error text upstream would answer with, or null.</summary>
[GenerateSerializer, Immutable, Alias("openc3.CatalogChange")]
public sealed record CatalogChange([property: Id(0)] string? Error)
{
    public static readonly CatalogChange Done = new((string?)null);

    public bool Succeeded => Error is null;
}
