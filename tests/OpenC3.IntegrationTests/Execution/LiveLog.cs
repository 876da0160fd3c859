using System.Net.WebSockets;
using System.Text;

namespace OpenC3.IntegrationTests.Execution;

/// <summary>A step's or task's log as a client follows it: the websocket `/api/job/slave/:slave/ws?uuid=`, as an app caller.</summary>
public static class LiveLog
{
    /// <summary>Everything the websocket sends until <paramref name="until"/> appears, as plain text.</summary>
    public static async Task<string> ReadAsync(string baseUrl, string logUuid, string until)
    {
        using var socket = await ConnectAsync(baseUrl, logUuid);
        var text = new StringBuilder();
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (!text.ToString().Contains(until, StringComparison.Ordinal))
        {
            text.Append(await ReceiveAsync(socket, limit.Token));
        }

        return System.Net.WebUtility.HtmlDecode(text.ToString().Replace("<br>", "\n", StringComparison.Ordinal));
    }

    public static async Task<ClientWebSocket> ConnectAsync(string baseUrl, string logUuid)
    {
        var socket = new ClientWebSocket();
        socket.Options.SetRequestHeader("appname", EmbeddedProduct.AppName);
        socket.Options.SetRequestHeader("appkey", EmbeddedProduct.AppKey);
        await socket.ConnectAsync(new Uri($"{baseUrl.Replace("http", "ws", StringComparison.Ordinal)}/api/job/slave/anyslave/ws?uuid={logUuid}"), CancellationToken.None);
        return socket;
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
