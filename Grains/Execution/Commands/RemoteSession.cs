using System.Globalization;
using System.Text.RegularExpressions;

namespace OpenC3.Grains.Execution;

/// <summary>
/// The session a script runs in on its host: the id of its session leader (also its process group) and that
/// process's start time in clock ticks since boot (0 when the host has no /proc). The start time tells a
/// leader's pid taken over by an unrelated process from the run's own, so a late stop never hits a stranger.
/// </summary>
public sealed partial record RemoteSession(int Id, long StartTicks)
{
    /// <summary>The first line a script's wrapper prints on stdout: `openc3-session &lt;id&gt; &lt;start ticks&gt;`.</summary>
    public const string AnnouncementPrefix = "openc3-session ";

    /// <summary>As kept in a step's state: `&lt;id&gt;:&lt;start ticks&gt;`.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Id}:{StartTicks}");

    public static RemoteSession? Parse(string? text) =>
        text is not null && StoredPattern().Match(text) is { Success: true } match ? From(match) : null;

    public static RemoteSession? FromAnnouncement(string line) =>
        AnnouncementPattern().Match(line.TrimEnd('\r')) is { Success: true } match ? From(match) : null;

    private static RemoteSession? From(Match match) =>
        int.TryParse(match.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 1 &&
        long.TryParse(match.Groups[2].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var start)
            ? new RemoteSession(id, start)
            : null;

    [GeneratedRegex(@"^openc3-session ([0-9]{1,10}) ([0-9]{1,20})$")]
    private static partial Regex AnnouncementPattern();

    [GeneratedRegex(@"^([0-9]{1,10}):([0-9]{1,20})$")]
    private static partial Regex StoredPattern();
}
