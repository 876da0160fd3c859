using OpenC3.Grains.Abstractions.Connector;

namespace OpenC3.Grains.Notifications;

/// <summary>One delivery as stored; Dapper fills it by property (the integer types differ between the profiles).</summary>
public sealed class DeliveryRow
{
    public long Id { get; set; }

    public string Channel { get; set; } = string.Empty;

    public string Recipient { get; set; } = string.Empty;

    public string Title { get; set; } = string.Empty;

    public string Content { get; set; } = string.Empty;

    public string Status { get; set; } = string.Empty;

    public long Attempts { get; set; }

    public long NextAt { get; set; }

    public Notification ToNotification() => Channel == "email"
        ? new Notification(NotificationChannel.Email, [Recipient], Title, Content, null)
        : new Notification(NotificationChannel.Sms, [Recipient], null, null, Content);
}
