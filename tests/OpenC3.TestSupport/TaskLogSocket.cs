using System.Net.WebSockets;
using System.Text;

namespace OpenC3.TestSupport;

/// <summary>A step's or task's log, read the way the log page does: over the websocket, as an app caller.</summary>
public static class TaskLogSocket
{
    public static async Task<ClientWebSocket> ConnectAsync(string baseUrl, string appName, string appKey, string logUuid)
    {
        var socket = new ClientWebSocket();
        socket.Options.SetRequestHeader("appname", appName);
        socket.Options.SetRequestHeader("appkey", appKey);
        await socket.ConnectAsync(new Uri($"{baseUrl.Replace("http", "ws", StringComparison.Ordinal)}/api/job/slave/anyslave/ws?uuid={logUuid}"), CancellationToken.None);
        return socket;
    }

    /// <summary>The log as text (frames HTML-decoded, `br` back to newlines) once it contains <paramref name="until"/>; fails after a minute.</summary>
    public static async Task<string> ReadUntilAsync(string baseUrl, string appName, string appKey, string logUuid, string until)
    {
        using var socket = await ConnectAsync(baseUrl, appName, appKey, logUuid);
        var text = new StringBuilder();
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (!text.ToString().Contains(until, StringComparison.Ordinal))
        {
            text.Append(await ReceiveAsync(socket, limit.Token));
        }

        return System.Net.WebUtility.HtmlDecode(text.ToString().Replace("<br>", "\n", StringComparison.Ordinal));
    }

    public static async Task<string> ReceiveAsync(ClientWebSocket socket, CancellationToken cancellationToken)
    {
        var buffer = new byte[256 * 1024];
        var message = new StringBuilder();
        WebSocketReceiveResult result;
        do
        {
            result = await socket.ReceiveAsync(buffer, cancellationToken);
            message.Append(Encoding.UTF8.GetString(buffer, 0, result.Count));
        }
        while (!result.EndOfMessage);
        return message.ToString();
    }
}
