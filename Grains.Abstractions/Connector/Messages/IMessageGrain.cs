namespace OpenC3.Grains.Abstractions.Connector;

/// <summary>
/// Notifications: users are resolved to addresses through the address book and handed to the
/// message exits; the built-in exits keep what they receive in per-address inboxes.
/// </summary>
[Alias("openc3.IMessageGrain")]
public interface IMessageGrain : IGrainWithIntegerKey
{
    /// <summary>Delivers one notification to every recipient; error text when a recipient could not be served.</summary>
    Task<string?> Notify(Notification notification);

    /// <summary>
    /// Like <see cref="Notify"/>, but every recipient must be an address-book entry or a known user; otherwise
    /// nothing is sent and the error names the unknown recipients (callers of the open route cannot reach outside addresses).
    /// </summary>
    Task<string?> NotifyKnownRecipients(Notification notification);

    /// <summary>The built-in mail exit: keeps a mail for <paramref name="address"/>.</summary>
    Task KeepMail(string address, string title, string content);

    /// <summary>The built-in SMS exit: keeps a short message for <paramref name="address"/>.</summary>
    Task KeepMesg(string address, string mesg);

    /// <summary>The newest 100 mails kept for the user's login or their address-book email.</summary>
    Task<IReadOnlyList<InboxMail>> Mails(string user);

    /// <summary>The newest 100 short messages kept for the user's login or their address-book phone.</summary>
    Task<IReadOnlyList<InboxMesg>> Mesgs(string user);
}

[GenerateSerializer, Alias("openc3.NotificationChannel")]
public enum NotificationChannel
{
    Email,
    Sms,
}

/// <summary>One item of `/connectorx/notify`: `title`/`content` for email, `mesg` for SMS.</summary>
[GenerateSerializer, Immutable, Alias("openc3.Notification")]
public sealed record Notification(
    [property: Id(0)] NotificationChannel Channel,
    [property: Id(1)] IReadOnlyList<string> To,
    [property: Id(2)] string? Title,
    [property: Id(3)] string? Content,
    [property: Id(4)] string? Mesg);

[GenerateSerializer, Immutable, Alias("openc3.InboxMail")]
public sealed record InboxMail([property: Id(0)] string Time, [property: Id(1)] string Title, [property: Id(2)] string Content);

[GenerateSerializer, Immutable, Alias("openc3.InboxMesg")]
public sealed record InboxMesg([property: Id(0)] string Time, [property: Id(1)] string Mesg);
