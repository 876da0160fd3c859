namespace OpenC3.Grains.Connector;

/// <summary>
/// Where notifications leave the platform, one address at a time. The built-in <see cref="InboxExit"/>
/// keeps them in the connector's inbox tables; an SMTP mail exit or an SMS webhook can replace it by
/// registering another implementation.
/// </summary>
public interface IMessageExit
{
    /// <summary>Null when delivered, else why not.</summary>
    Task<string?> SendMailAsync(string address, string title, string content);

    /// <summary>Null when delivered, else why not.</summary>
    Task<string?> SendMesgAsync(string address, string mesg);
}
