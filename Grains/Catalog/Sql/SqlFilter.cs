using Dapper;
using OpenC3.Grains.Abstractions.Catalog;
using OpenC3.Grains.Abstractions.Common;
using OpenC3.Grains.Storage;

namespace OpenC3.Grains.Catalog;

/// <summary>
/// A list's optional filters as SQL conditions with parameters. Column names come from code, values from
/// the caller; an absent value adds no condition.
/// </summary>
public sealed class SqlFilter
{
    private readonly List<string> conditions = [];

    public SqlFilter(object fixedParameters) => Parameters.AddDynamicParams(fixedParameters);

    public DynamicParameters Parameters { get; } = new();

    /// <summary>`AND …` for each condition, or nothing.</summary>
    public string And => string.Concat(conditions.Select(c => $" AND {c}"));

    public SqlFilter Equal(string column, string? value) => Add(column, "=", value);

    public SqlFilter Contains(string column, string? value) =>
        Add(column, "LIKE", value is null ? null : $"%{Like.Escape(value)}%", " ESCAPE '!'");

    /// <summary>From the first second of a `YYYY-MM-DD` day.</summary>
    public SqlFilter FromDay(string column, string? day) => Add(column, ">=", day is null ? null : TimeFormat.DayStart(day));

    /// <summary>Up to the last second of a `YYYY-MM-DD` day.</summary>
    public SqlFilter ToDay(string column, string? day) => Add(column, "<=", day is null ? null : TimeFormat.DayEnd(day));

    public SqlFilter Rows(RowFilter rows) =>
        Equal("create_user", rows.CreateUser).Equal("edit_user", rows.EditUser).FromDay("create_time", rows.CreateTimeStart).ToDay("create_time", rows.CreateTimeEnd);

    private SqlFilter Add(string column, string comparison, string? value, string suffix = "")
    {
        if (value is not null)
        {
            var name = $"filter{conditions.Count}";
            Parameters.Add(name, value);
            conditions.Add($"`{column}` {comparison} @{name}{suffix}");
        }

        return this;
    }
}
