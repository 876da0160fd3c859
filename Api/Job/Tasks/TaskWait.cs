using System.Globalization;

namespace OpenC3.Api.Job;

/// <summary>
/// `wait` (ours) on the task detail: up to this many seconds for a running task to settle (end, or wait for a
/// decision) before the reply, so a caller learns of the end at once instead of polling. Absent or 0: upstream's reply.
/// </summary>
public sealed record TaskWait(TimeSpan Time, string? Failure)
{
    /// <summary>Well inside a grain call's and a proxy's timeout.</summary>
    public const int MaxSeconds = 10;

    public static TaskWait Read(string? seconds) =>
        seconds is null ? new(TimeSpan.Zero, null)
        : int.TryParse(seconds, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value <= MaxSeconds ? new(TimeSpan.FromSeconds(value), null)
        : new(TimeSpan.Zero, $"check format fail wait format error: a number of seconds from 0 to {MaxSeconds}");
}
