using Dapper;
using OpenC3.Grains.Abstractions.Catalog;
using OpenC3.Grains.Abstractions.Common;

namespace OpenC3.Grains.Catalog;

/// <summary>
/// SQL for the filters shared by the job, script and node group lists. The name matches as a
/// case-insensitive substring (upstream's MySQL collation) the same way on SQLite and MySQL.
/// </summary>
public static class CatalogConditions
{
    /// <summary>` AND …` conditions on the columns name, create_user, edit_user, create_time, edit_time of the table <paramref name="alias"/> names.</summary>
    public static string Sql(CatalogFilter filter, DynamicParameters parameters, string alias = "")
    {
        var conditions = new List<string>();
        Add(conditions, parameters, $"INSTR(LOWER({alias}name), LOWER(@name)) > 0", "name", filter.Name);
        Add(conditions, parameters, $"{alias}create_user = @create_user", "create_user", filter.CreateUser);
        Add(conditions, parameters, $"{alias}edit_user = @edit_user", "edit_user", filter.EditUser);
        Add(conditions, parameters, $"{alias}create_time >= @create_time_start", "create_time_start", Day(filter.CreateTimeStart, TimeFormat.DayStart));
        Add(conditions, parameters, $"{alias}create_time <= @create_time_end", "create_time_end", Day(filter.CreateTimeEnd, TimeFormat.DayEnd));
        Add(conditions, parameters, $"{alias}edit_time >= @edit_time_start", "edit_time_start", Day(filter.EditTimeStart, TimeFormat.DayStart));
        Add(conditions, parameters, $"{alias}edit_time <= @edit_time_end", "edit_time_end", Day(filter.EditTimeEnd, TimeFormat.DayEnd));
        return string.Concat(conditions.Select(condition => " AND " + condition));
    }

    private static string? Day(string? date, Func<string, string> bound) => date is null ? null : bound(date);

    private static void Add(List<string> conditions, DynamicParameters parameters, string condition, string name, string? value)
    {
        if (value is not null)
        {
            conditions.Add(condition);
            parameters.Add(name, value);
        }
    }
}
