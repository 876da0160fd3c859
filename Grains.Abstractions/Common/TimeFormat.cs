using System.Globalization;

namespace OpenC3.Grains.Abstractions.Common;

/// <summary>Upstream's wire formats: times are server-local `YYYY-MM-DD HH:MM:SS`, filters `YYYY-MM-DD`.</summary>
public static class TimeFormat
{
    public const string DateTimePattern = "yyyy-MM-dd HH:mm:ss";
    public const string DatePattern = "yyyy-MM-dd";

    public static string Format(DateTimeOffset time) =>
        time.ToLocalTime().ToString(DateTimePattern, CultureInfo.InvariantCulture);

    public static string Now(TimeProvider clock) => Format(clock.GetLocalNow());

    /// <summary>`YYYY-MM-DD` → the first second of that day, as a filter's lower bound.</summary>
    public static string DayStart(string date) => $"{date} 00:00:00";

    /// <summary>`YYYY-MM-DD` → the last second of that day, as a filter's upper bound.</summary>
    public static string DayEnd(string date) => $"{date} 23:59:59";

    public static bool IsDate(string? value) =>
        DateOnly.TryParseExact(value, DatePattern, CultureInfo.InvariantCulture, DateTimeStyles.None, out _);
}
