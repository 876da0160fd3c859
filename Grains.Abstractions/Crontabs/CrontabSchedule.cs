using Cronos;

namespace OpenC3.Grains.Abstractions.Crontabs;

/// <summary>
/// A crontab's `minute hour day month weekday`, checked as upstream does and evaluated with Cronos in a
/// time zone (Cronos handles the DST gap and overlap). When both day and weekday are restricted either
/// one matching is enough, as in the system cron upstream wrote its lines into (Cronos alone would need both).
/// </summary>
public sealed class CrontabSchedule
{
    /// <summary>Upstream's shape check of the whole expression, printed as its validation message shows it.</summary>
    public const string Shape = @"^[\*0-9\-,\/]+\s+[\*0-9\-,\/]+\s+[\*0-9\-,\/]+\s+[\*0-9\-,\/]+\s+[\*0-9\-,\/]+$";

    private static readonly (string Name, int Min, int Max)[] Fields =
        [("minute", 0, 59), ("hour", 0, 23), ("day", 1, 31), ("month", 1, 12), ("week", 0, 7)];

    private readonly IReadOnlyList<CronExpression> expressions;

    private CrontabSchedule(IReadOnlyList<CronExpression> expressions, TimeZoneInfo zone)
    {
        this.expressions = expressions;
        Zone = zone;
    }

    public TimeZoneInfo Zone { get; }

    /// <summary>Upstream's reply for a bad expression (`crontab format err`, `crontab format err: &lt;field&gt;`), or null when it is valid.</summary>
    public static string? FormatError(string cron)
    {
        if (!System.Text.RegularExpressions.Regex.IsMatch(cron, Shape, System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromSeconds(1)))
        {
            return "crontab format err";
        }

        var parts = Split(cron);
        for (var i = 0; i < Fields.Length; i++)
        {
            if (!FieldIsValid(parts[i], Fields[i].Min, Fields[i].Max) || !CronosAccepts(i, parts[i]))
            {
                return $"crontab format err: {Fields[i].Name}";
            }
        }

        return null;
    }

    /// <summary>An IANA time zone name; empty means the server's zone.</summary>
    public static TimeZoneInfo? FindZone(string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return TimeZoneInfo.Local;
        }

        return name.Length <= 64 && TimeZoneInfo.TryFindSystemTimeZoneById(name, out var zone) && zone.HasIanaId ? zone : null;
    }

    /// <summary>A schedule of an expression <see cref="FormatError"/> accepted.</summary>
    public static CrontabSchedule Parse(string cron, TimeZoneInfo zone)
    {
        var f = Split(cron);
        // Vixie cron calls a day field restricted unless it starts with `*`; then either field may match.
        var either = !f[2].StartsWith('*') && !f[4].StartsWith('*');
        string[] texts = either
            ? [$"{f[0]} {f[1]} {f[2]} {f[3]} *", $"{f[0]} {f[1]} * {f[3]} {f[4]}"]
            : [string.Join(' ', f)];
        return new CrontabSchedule(texts.Select(t => CronExpression.Parse(t, CronFormat.Standard)).ToList(), zone);
    }

    /// <summary>The first fire time strictly after <paramref name="instant"/>, or null when there is none.</summary>
    public DateTimeOffset? NextAfter(DateTimeOffset instant) =>
        expressions.Select(e => e.GetNextOccurrence(instant, Zone, inclusive: false)).Where(t => t is not null).Min();

    /// <summary>Fire times in (<paramref name="after"/>, <paramref name="until"/>], in order, each once.</summary>
    public IEnumerable<DateTimeOffset> Between(DateTimeOffset after, DateTimeOffset until)
    {
        if (until <= after)
        {
            return [];
        }

        var all = expressions.Select(e => e.GetOccurrences(after, until, Zone, fromInclusive: false, toInclusive: true));
        return expressions.Count == 1 ? all.Single() : all.SelectMany(o => o).Distinct().Order();
    }

    private static string[] Split(string cron) => cron.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Upstream's rule: a trailing `/N` step, then comma items that are `*`, `N` or `A-B` with A &lt; B, all in range.</summary>
    private static bool FieldIsValid(string field, int min, int max)
    {
        var slash = field.LastIndexOf('/');
        var list = field;
        if (slash >= 0)
        {
            // Upstream let a step of 0 through; no cron can run it, so it is refused here.
            if (!IsNumber(field[(slash + 1)..]) || int.Parse(field[(slash + 1)..], System.Globalization.CultureInfo.InvariantCulture) < 1)
            {
                return false;
            }

            list = field[..slash];
        }

        return list.Split(',').All(item => ItemIsValid(item, min, max));
    }

    private static bool ItemIsValid(string item, int min, int max)
    {
        if (item == "*")
        {
            return true;
        }

        var dash = item.IndexOf('-');
        if (dash < 0)
        {
            return InRange(item, min, max, out _);
        }

        return InRange(item[..dash], min, max, out var from) && InRange(item[(dash + 1)..], min, max, out var to) && from < to;
    }

    private static bool InRange(string text, int min, int max, out int value)
    {
        value = -1;
        return IsNumber(text) && int.TryParse(text, out value) && value >= min && value <= max;
    }

    private static bool IsNumber(string text) => text.Length is > 0 and <= 9 && text.All(char.IsAsciiDigit);

    /// <summary>What upstream's check lets through must also be an expression Cronos evaluates (e.g. no `5,` or a step beyond the range).</summary>
    private static bool CronosAccepts(int index, string field)
    {
        var probe = Enumerable.Repeat("*", Fields.Length).ToArray();
        probe[index] = field;
        return CronExpression.TryParse(string.Join(' ', probe), CronFormat.Standard, out _);
    }
}
