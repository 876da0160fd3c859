using OpenC3.Grains.Abstractions.Catalog;

namespace OpenC3.Grains.Catalog;

/// <summary>
/// Columns every catalog table has. Rows are settable classes because Dapper converts column types into
/// properties (SQLite integers are Int64, MySQL's INT UNSIGNED is UInt32), which positional records do not allow.
/// </summary>
public class CatalogRow
{
    /// <summary>The select list for these columns, prefixed by <paramref name="alias"/> when given.</summary>
    public static string Columns(string alias = "") =>
        $"{alias}id AS Id, {alias}name AS Name, {alias}create_user AS CreateUser, {alias}create_time AS CreateTime, {alias}edit_user AS EditUser, {alias}edit_time AS EditTime";

    public long Id { get; set; }

    public string Name { get; set; } = string.Empty;

    public string CreateUser { get; set; } = string.Empty;

    public string CreateTime { get; set; } = string.Empty;

    public string EditUser { get; set; } = string.Empty;

    public string EditTime { get; set; } = string.Empty;

    public Authorship Authorship => new(CreateUser, CreateTime, EditUser, EditTime);
}
