using System.Globalization;
using System.Text.RegularExpressions;
using OpenC3.Grains.Abstractions.Connector;
using OpenC3.Grains.Environment;

namespace OpenC3.Grains.Notifications;

/// <summary>One rendered message for one user through one channel (SMS carries only <see cref="Content"/>).</summary>
public sealed record Delivery(NotificationChannel Channel, string Recipient, string Title, string Content);

/// <summary>
/// What a notice sends, as upstream's notify plugins decide it: a channel is on when the environment
/// key `&lt;switch&gt;Email|Sms` is exactly `true`; texts come from `&lt;family&gt;TemplateEmailTitle|EmailContent|SmsContent`
/// (an empty value falls back to the default) with `${field}` placeholders filled, and a mail title
/// keeps only its first line.
/// </summary>
public static partial class NoticePlan
{
    /// <summary>`is` + calltype + status with first letters upper-cased, e.g. `isPageFail`, `isCrontabWaiting`.</summary>
    public static string TaskSwitch(string callType, string status) => $"is{Capitalized(callType)}{Capitalized(status)}";

    public const string ApprovalSwitch = "isApprovalSuccess";

    public static IReadOnlyList<NotificationChannel> Channels(IReadOnlyDictionary<string, string> environment, string switchPrefix) =>
        [.. new[] { NotificationChannel.Email, NotificationChannel.Sms }.Where(c => environment.GetValueOrDefault(switchPrefix + c) == "true")];

    /// <summary>The notify list with `_` standing for the task's starter, each user once.</summary>
    public static IReadOnlyList<string> Recipients(IEnumerable<string> notifyList, string starter) =>
        [.. notifyList.Select(u => u == "_" ? starter : u).Where(u => u.Length > 0).Distinct(StringComparer.Ordinal)];

    /// <param name="family">`notify` (task notices) or `approval`: the templates' key prefix.</param>
    public static IReadOnlyList<Delivery> Build(
        IReadOnlyDictionary<string, string> environment,
        IReadOnlyList<NotificationChannel> channels,
        string family,
        IReadOnlyList<string> recipients,
        IReadOnlyDictionary<string, string> fields)
    {
        var deliveries = new List<Delivery>();
        foreach (var channel in channels)
        {
            var (title, content) = channel == NotificationChannel.Email
                ? (FirstLine(Render(Template(environment, $"{family}TemplateEmailTitle"), fields)), Render(Template(environment, $"{family}TemplateEmailContent"), fields))
                : (string.Empty, Render(Template(environment, $"{family}TemplateSmsContent"), fields));
            deliveries.AddRange(recipients.Select(r => new Delivery(channel, r, title, content)));
        }

        return deliveries;
    }

    /// <summary>Fills every `${name}` whose name is a field; other placeholders stay as written. One pass: a value is never re-expanded.</summary>
    public static string Render(string template, IReadOnlyDictionary<string, string> fields) =>
        Placeholder().Replace(template, m => fields.TryGetValue(m.Groups[1].Value, out var value) ? value : m.Value);

    private static string Template(IReadOnlyDictionary<string, string> environment, string key) =>
        environment.GetValueOrDefault(key) is { Length: > 0 } value ? value : EnvironmentDefaults.Values.GetValueOrDefault(key, string.Empty);

    private static string FirstLine(string text) => text.Split('\n')[0].TrimEnd('\r');

    private static string Capitalized(string word) =>
        word.Length == 0 ? word : char.ToUpper(word[0], CultureInfo.InvariantCulture) + word[1..];

    [GeneratedRegex(@"\$\{([A-Za-z0-9_]+)\}")]
    private static partial Regex Placeholder();
}
