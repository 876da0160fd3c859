using System.Text.RegularExpressions;
using Dapper;
using OpenC3.Grains.Abstractions.Connector;
using OpenC3.Grains.Storage;
using Orleans.Concurrency;

namespace OpenC3.Grains.Connector;

[StatelessWorker]
[GrainType("messages")]
public sealed partial class MessageGrain(SqlDatabase database, IMessageExit exit, InboxExit inbox) : Grain, IMessageGrain
{
    private const int InboxSize = 100;

    public Task<string?> Notify(Notification notification) => DeliverAsync(notification, knownRecipientsOnly: false);

    public Task<string?> NotifyKnownRecipients(Notification notification) => DeliverAsync(notification, knownRecipientsOnly: true);

    private async Task<string?> DeliverAsync(Notification notification, bool knownRecipientsOnly)
    {
        var missing = notification.Channel == NotificationChannel.Email
            ? (string.IsNullOrEmpty(notification.Title) ? "title" : string.IsNullOrEmpty(notification.Content) ? "content" : null)
            : (string.IsNullOrEmpty(notification.Mesg) ? "mesg" : null);
        if (missing is not null)
        {
            return $"{missing} undef";
        }

        var (addresses, unknown) = await AddressesAsync(notification.Channel, notification.To);
        if (knownRecipientsOnly && unknown.Count > 0)
        {
            return $"unknown recipient {string.Join(',', unknown)}";
        }

        var errors = new List<string>();
        foreach (var address in addresses)
        {
            var error = notification.Channel == NotificationChannel.Email
                ? await exit.SendMailAsync(address, notification.Title!, notification.Content!)
                : await exit.SendMesgAsync(address, notification.Mesg!);
            if (error is not null)
            {
                errors.Add($"{address}: {error}");
            }
        }

        return errors.Count == 0 ? null : string.Join(", ", errors);
    }

    public Task KeepMail(string address, string title, string content) => inbox.SendMailAsync(address, title, content);

    public Task KeepMesg(string address, string mesg) => inbox.SendMesgAsync(address, mesg);

    public async Task<IReadOnlyList<InboxMail>> Mails(string user)
    {
        await using var connection = await database.OpenAsync();
        var rows = await connection.QueryAsync<InboxMail>(
            """
            SELECT `time` AS Time, title AS Title, content AS Content FROM openc3_connector_usermail
            WHERE `user` = @user OR `user` IN (SELECT email FROM openc3_connector_useraddr WHERE `user` = @user AND email <> '')
            ORDER BY id DESC LIMIT @limit
            """,
            new { user, limit = InboxSize });
        return rows.ToList();
    }

    public async Task<IReadOnlyList<InboxMesg>> Mesgs(string user)
    {
        await using var connection = await database.OpenAsync();
        var rows = await connection.QueryAsync<InboxMesg>(
            """
            SELECT `time` AS Time, mesg AS Mesg FROM openc3_connector_usermesg
            WHERE `user` = @user OR `user` IN (SELECT phone FROM openc3_connector_useraddr WHERE `user` = @user AND phone <> '')
            ORDER BY id DESC LIMIT @limit
            """,
            new { user, limit = InboxSize });
        return rows.ToList();
    }

    /// <summary>
    /// Each recipient's email (or phone) from the address book; users without an entry are taken as
    /// addresses themselves, and those that are no known user either are also listed as unknown. Names
    /// that could not be an address are skipped (and listed as unknown), and each address gets one copy.
    /// </summary>
    private async Task<(IReadOnlyList<string> Addresses, IReadOnlyList<string> Unknown)> AddressesAsync(NotificationChannel channel, IReadOnlyList<string> to)
    {
        var users = to.Where(u => AddressPattern().IsMatch(u)).Distinct(StringComparer.Ordinal).ToList();
        var malformed = to.Where(u => !AddressPattern().IsMatch(u)).Distinct(StringComparer.Ordinal).ToList();
        if (users.Count == 0)
        {
            return ([], malformed);
        }

        var column = channel == NotificationChannel.Email ? "email" : "phone";
        await using var connection = await database.OpenAsync();
        var known = (await connection.QueryAsync<(string User, string Address)>(
                $"SELECT `user`, {column} FROM openc3_connector_useraddr WHERE `user` IN @users AND {column} <> ''", new { users }))
            .ToDictionary(r => r.User, r => r.Address, StringComparer.Ordinal);
        var loginNames = (await connection.QueryAsync<string>("SELECT name FROM openc3_connector_userinfo WHERE name IN @users", new { users }))
            .ToHashSet(StringComparer.Ordinal);
        var addresses = users.Select(u => known.GetValueOrDefault(u, u)).Distinct(StringComparer.Ordinal).ToList();
        return (addresses, [.. malformed, .. users.Where(u => !known.ContainsKey(u) && !loginNames.Contains(u))]);
    }

    [GeneratedRegex("^[0-9A-Za-z_.@-]+$")]
    private static partial Regex AddressPattern();
}
