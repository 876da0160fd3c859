using Dapper;
using OpenC3.Grains.Abstractions.Common;
using OpenC3.Grains.Storage;

namespace OpenC3.Grains.Connector;

/// <summary>
/// The built-in exits (upstream's `/default/mail` and `/default/mesg`): messages are kept in
/// `openc3_connector_usermail` / `_usermesg` under the address, where their owner reads them back.
/// </summary>
public sealed class InboxExit(SqlDatabase database, TimeProvider clock) : IMessageExit
{
    private const int MaxTitle = 500;
    private const int MaxText = 2000;

    public async Task<string?> SendMailAsync(string address, string title, string content)
    {
        await using var connection = await database.OpenAsync();
        await connection.ExecuteAsync(
            "INSERT INTO openc3_connector_usermail (`user`, `time`, title, content) VALUES (@address, @time, @title, @content)",
            new { address, time = TimeFormat.Now(clock), title = Truncate(title, MaxTitle), content = Truncate(content, MaxText) });
        return null;
    }

    public async Task<string?> SendMesgAsync(string address, string mesg)
    {
        await using var connection = await database.OpenAsync();
        await connection.ExecuteAsync(
            "INSERT INTO openc3_connector_usermesg (`user`, `time`, mesg) VALUES (@address, @time, @mesg)",
            new { address, time = TimeFormat.Now(clock), mesg = Truncate(mesg, MaxText) });
        return null;
    }

    private static string Truncate(string value, int length) => value.Length <= length ? value : value[..length];
}
