namespace OpenC3.Grains.Catalog;

/// <summary>
/// What every tree row read into a list has: its id and creator. Dapper fills settable properties and
/// converts column types on the way (SQLite integers are Int64, MySQL's INT UNSIGNED is UInt32), which it
/// does not do for positional records.
/// </summary>
public class AuditedRow
{
    public long Id { get; set; }

    public string CreateUser { get; set; } = string.Empty;

    public string CreateTime { get; set; } = string.Empty;
}
