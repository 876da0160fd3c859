using System.Globalization;
using OpenC3.Grains.Abstractions.Tasks;

namespace OpenC3.Api.Job;

/// <summary>The reply shapes of `/task/:treeid/count` and `/analysis/*`, computed from task rows.</summary>
public static class TaskAnalysis
{
    private static readonly (string Label, double MaxMinutes)[] RuntimeBuckets =
        [("0-1", 1), ("1-3", 3), ("3-5", 5), ("5-10", 10), ("10-30", 30), ("30+", double.MaxValue)];

    /// <summary>Tasks per status; `success`, `running` and `fail` are always there (0 when none), as upstream: the dashboard adds them up.</summary>
    public static Dictionary<string, int> CountByStatus(IEnumerable<TaskRow> rows)
    {
        var counts = rows.GroupBy(r => r.Status).ToDictionary(g => g.Key, g => g.Count());
        foreach (var status in new[] { "success", "running", "fail" })
        {
            counts.TryAdd(status, 0);
        }

        return counts;
    }

    public static IEnumerable<object> Last(IEnumerable<TaskRow> rows, int count) =>
        rows.OrderByDescending(r => r.StartTime, StringComparer.Ordinal).ThenByDescending(r => r.Id).Take(count)
            .Select(r => new { user = r.User, runtime = r.Runtime, starttime = r.StartTime, finishtime = r.FinishTime, status = r.Status, name = r.Name });

    /// <summary>30 rows, oldest first, zero-filled: `[date, total, success]`.</summary>
    public static IEnumerable<object[]> ByDate(IEnumerable<TaskRow> rows, DateOnly today)
    {
        var byDay = rows.Where(r => r.StartTime is { Length: >= 10 }).GroupBy(r => r.StartTime![..10]).ToDictionary(g => g.Key, g => g.ToList());
        return Enumerable.Range(0, 30).Select(back =>
        {
            var day = today.AddDays(back - 29).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var tasks = byDay.GetValueOrDefault(day, []);
            return new object[] { day, tasks.Count, tasks.Count(t => t.Status == "success") };
        });
    }

    /// <summary>`[hour, count]` for hours that had tasks, in hour order.</summary>
    public static IEnumerable<object[]> ByHour(IEnumerable<TaskRow> rows) =>
        rows.Where(r => r.StartTime is { Length: >= 13 }).GroupBy(r => r.StartTime!.Substring(11, 2)).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new object[] { g.Key, g.Count() });

    /// <summary>Share of finished tasks per runtime bucket (minutes) as `%0.2f` strings; 0 when there are none.</summary>
    public static Dictionary<string, object> ByRuntime(IEnumerable<TaskRow> rows)
    {
        var minutes = rows.Select(r => double.TryParse(r.Runtime, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) ? seconds / 60 : (double?)null).OfType<double>().ToList();
        var result = new Dictionary<string, object>(StringComparer.Ordinal);
        var lower = 0.0;
        foreach (var (label, max) in RuntimeBuckets)
        {
            var inBucket = minutes.Count(m => m >= lower && m < max);
            result[label] = minutes.Count == 0 ? 0 : (100.0 * inBucket / minutes.Count).ToString("0.00", CultureInfo.InvariantCulture);
            lower = max;
        }

        return result;
    }

    public static IEnumerable<object> ByProject(IEnumerable<TaskRow> rows) =>
        rows.GroupBy(r => r.ProjectId).OrderByDescending(g => g.Count()).ThenBy(g => g.Key)
            .Select(g => new { id = g.Key, count = g.Count(), name = g.Key.ToString(CultureInfo.InvariantCulture) });
}
